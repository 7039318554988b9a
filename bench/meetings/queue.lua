-- Speaking queue: members add and remove themselves. Reads TOKENS (comma-separated), GROUP, MEETING and
-- PACE_MS. Each thread takes its own members in turn (member k belongs to thread k mod THREADS). With
-- PACE_MS 0 every request alternates a member between asking to speak and taking themselves off, as fast
-- as the server answers. With PACE_MS above 0 each connection waits that long on average (from half to one
-- and a half times, at random) between requests and a
-- member's requests go: ask to speak, look at the queue, take themselves off, look at the queue (a phone
-- showing the queue refreshes it). Prints the answers by status at the end.
local tokens = {}
for t in string.gmatch(os.getenv("TOKENS") or "", "[^,]+") do table.insert(tokens, t) end
local base = "/api/v1/groups/" .. os.getenv("GROUP") .. "/meetings/" .. os.getenv("MEETING") .. "/queue"
local pace = tonumber(os.getenv("PACE_MS")) or 0
dofile("bench/lib.lua")

function init(args)
  ok, other, seq = 0, 0, 0
  step = {}
  mine = {}
  local count = tonumber(os.getenv("THREADS")) or 2
  for k = 1, #tokens do
    if (k - 1) % count == id then table.insert(mine, k); step[k] = 0 end
  end
end

request = function()
  seq = seq + 1
  local member = mine[(seq % #mine) + 1]
  local headers = {["Authorization"] = "Bearer " .. tokens[member], ["Content-Type"] = "application/json"}
  local s = step[member]
  step[member] = s + 1
  if pace > 0 then
    if s % 2 == 1 then return wrk.format("GET", base, headers) end
    s = s / 2
  end
  if s % 2 == 0 then return wrk.format("POST", base, headers, "{}") end
  return wrk.format("POST", base .. "/leave", headers, "{}")
end

if pace > 0 then
  -- spread out, so that the 60 phones do not all send at the same instant
  delay = function() return math.random(math.floor(pace / 2), math.floor(pace * 3 / 2)) end
end

response = function(status, headers, body)
  if status == 200 then ok = ok + 1 else other = other + 1 end
end

done = function(summary, latency, requests)
  local o, x = 0, 0
  for _, t in ipairs(threads) do o = o + t:get("ok"); x = x + t:get("other") end
  io.write(string.format("STATUS ok=%d other=%d\n", o, x))
end
