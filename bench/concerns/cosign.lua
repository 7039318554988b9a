-- Co-signing: each request is a new (member, concern) pair, except every 10th, which repeats a pair this
-- thread sent before and must be refused with 409. Reads TOKENS (comma-separated) and CONCERNS
-- ("group/concern,..."). Prints the answers by status at the end.
local tokens, concerns = {}, {}
for t in string.gmatch(os.getenv("TOKENS") or "", "[^,]+") do table.insert(tokens, t) end
for c in string.gmatch(os.getenv("CONCERNS") or "", "[^,]+") do table.insert(concerns, c) end
dofile("bench/lib.lua")

function init(args)
  ok, conflict, other, replays, seq = 0, 0, 0, 0, 0
  sent = {}
end

local function pair(k)
  local member = (k % #tokens) + 1
  local concern = (math.floor(k / #tokens) % #concerns) + 1
  return member, concern
end

request = function()
  seq = seq + 1
  local k
  if seq % 10 == 0 and #sent > 5 then
    k = sent[#sent - 5]
    replays = replays + 1
  else
    k = id + (tonumber(os.getenv("THREADS")) or 2) * (#sent)
    table.insert(sent, k)
  end
  local member, concern = pair(k)
  local group, concernId = string.match(concerns[concern], "([^/]+)/([^/]+)")
  return wrk.format("POST", "/api/v1/groups/" .. group .. "/concerns/" .. concernId .. "/cosign",
    {["Authorization"] = "Bearer " .. tokens[member], ["Content-Type"] = "application/json"}, '{"anonymous":true}')
end

response = function(status, headers, body)
  if status == 200 then ok = ok + 1 elseif status == 409 then conflict = conflict + 1 else other = other + 1 end
end

done = function(summary, latency, requests)
  local o, c, x, r = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); c = c + t:get("conflict"); x = x + t:get("other"); r = r + t:get("replays")
  end
  io.write(string.format("STATUS ok=%d conflict=%d other=%d replays=%d\n", o, c, x, r))
end
