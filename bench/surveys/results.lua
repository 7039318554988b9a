-- A survey's results broken down, one question's table a request, cycling through every (breakdown,
-- question) pair. Reads RESULTS (the results path) and PAIRS ("by:question,..."); the token comes with -H.
-- Prints the answers by status at the end, and the first refusal.
local base = os.getenv("RESULTS")
local combinations = {}
for p in string.gmatch(os.getenv("PAIRS") or "", "[^,]+") do table.insert(combinations, p) end
dofile("bench/lib.lua")

function init(args)
  ok, other, first = 0, 0, ""
  -- the threads start at opposite ends of the list, so they do not ask for the same table at once
  seq = id * math.floor(#combinations / 2)
end

request = function()
  seq = seq + 1
  local by, question = string.match(combinations[(seq % #combinations) + 1], "([^:]+):([^:]+)")
  return wrk.format("GET", base .. "?by=" .. by .. "&question=" .. question)
end

response = function(status, headers, body)
  if status == 200 then
    ok = ok + 1
  else
    other = other + 1
    if first == "" then first = status .. " " .. string.sub(body or "", 1, 400) end
  end
end

done = function(summary, latency, requests)
  local o, x, f = 0, 0, ""
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); x = x + t:get("other")
    if f == "" then f = t:get("first") end
  end
  io.write(string.format("STATUS ok=%d other=%d\n", o, x))
  if f ~= "" then io.write("FIRST_ERROR " .. string.gsub(f, "\n", " ") .. "\n") end
end
