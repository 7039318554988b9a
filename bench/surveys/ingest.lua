-- Answers through a network survey's link, as people outside Staffroom would send them: each request a new
-- respondent with random valid answers. Reads QUESTIONS (a Lua file returning the survey's questions as
-- {id, kind, n options, min, max}) and LINK (the link's token). Each question is skipped one time in 20;
-- choices lean towards the first options (n * random ^ 1.7), so some breakdown cells are small; a "choose
-- any" question gets a second, different choice one time in three. Prints the answers by status at the end,
-- and the first refusal.
local questions = dofile(os.getenv("QUESTIONS"))
local path = "/api/v1/public-surveys/" .. os.getenv("LINK") .. "/responses"
local headers = {["Content-Type"] = "application/json"}
dofile("bench/lib.lua")

function init(args)
  created, other, first = 0, 0, ""
  math.randomseed(os.time() + 7919 * id)
end

local function skewed(n)
  return math.floor(n * math.random() ^ 1.7)
end

request = function()
  local answers = {}
  for _, q in ipairs(questions) do
    if math.random() >= 0.05 then
      local answer
      if q.kind == "NUMBER" then
        answer = '{"number":' .. math.random(q.min, q.max) .. '}'
      elseif q.kind == "SEVERAL" and math.random() < 1 / 3 then
        local one = skewed(q.n)
        answer = '{"choices":[' .. one .. ',' .. (one + math.random(1, q.n - 1)) % q.n .. ']}'
      elseif q.kind ~= "TEXT" then
        answer = '{"choices":[' .. skewed(q.n) .. ']}'
      end
      if answer then table.insert(answers, '"' .. q.id .. '":' .. answer) end
    end
  end
  return wrk.format("POST", path, headers, '{"code":null,"answers":{' .. table.concat(answers, ",") .. '}}')
end

response = function(status, headers, body)
  if status >= 200 and status < 300 then
    created = created + 1
  else
    other = other + 1
    if first == "" then first = status .. " " .. string.sub(body or "", 1, 400) end
  end
end

done = function(summary, latency, requests)
  local c, x, f = 0, 0, ""
  for _, t in ipairs(threads) do
    c = c + t:get("created"); x = x + t:get("other")
    if f == "" then f = t:get("first") end
  end
  io.write(string.format("STATUS created=%d other=%d seconds=%.2f\n", c, x, summary.duration / 1e6))
  if f ~= "" then io.write("FIRST_ERROR " .. string.gsub(f, "\n", " ") .. "\n") end
end
