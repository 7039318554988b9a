-- Soak: members of five groups using Staffroom as they would through a day, each connection one member
-- who waits a few seconds between requests (THINK_MS on average, from half to one and a half times).
-- Reads USERS_FILE (one API token a line) and GROUPS_FILE (a line a group: "group meeting survey q1 q2
-- concern1,concern2,..."). A member reads the concern list, a concern, their account, the meetings and the
-- speaking queue; asks to speak and takes themselves off again; co-signs concerns (each at most once);
-- answers each group's survey once; raises a concern now and then. Every answer is expected to be 2xx;
-- the others are counted by status and printed at the end. With READ_ONLY=1 (the warm-up) it only reads.
local users, groups = {}, {}
for line in io.lines(os.getenv("USERS_FILE")) do table.insert(users, line) end
for line in io.lines(os.getenv("GROUPS_FILE")) do
  local g, m, s, q1, q2, cs = line:match("(%S+) (%S+) (%S+) (%S+) (%S+) (%S+)")
  local concerns = {}
  for c in cs:gmatch("[^,]+") do table.insert(concerns, c) end
  table.insert(groups, {id = g, meeting = m, survey = s, q1 = q1, q2 = q2, concerns = concerns})
end
local think = tonumber(os.getenv("THINK_MS")) or 5000
-- the warm-up only reads: what it wrote (a co-signature, an answer) the soak could not write again
local readOnly = os.getenv("READ_ONLY") == "1"
dofile("bench/lib.lua")

function init(args)
  math.randomseed(os.time() + 7919 * id)
  counts = {}
  mine, queued, answered, cosigned = {}, {}, {}, {}
  local count = tonumber(os.getenv("THREADS")) or 2
  for u = 1, #users do
    if (u - 1) % count == id then
      table.insert(mine, u); queued[u] = {}; answered[u] = {}; cosigned[u] = 0
    end
  end
end

local function json(method, path, user, body)
  return wrk.format(method, path, {["Authorization"] = "Bearer " .. users[user],
    ["Content-Type"] = "application/json", ["Accept"] = "application/json"}, body)
end

request = function()
  local u = mine[math.random(#mine)]
  local gi = math.random(#groups)
  local g = groups[gi]
  local base = "/api/v1/groups/" .. g.id
  local r = math.random()
  if readOnly then r = r * 0.62 end
  if r < 0.30 then return json("GET", base .. "/concerns", u) end
  if r < 0.40 then return json("GET", base .. "/concerns/" .. g.concerns[math.random(#g.concerns)], u) end
  if r < 0.48 then return json("GET", "/api/v1/me", u) end
  if r < 0.54 then return json("GET", base .. "/meetings", u) end
  local queue = base .. "/meetings/" .. g.meeting .. "/queue"
  if r < 0.62 then return json("GET", queue, u) end
  if r < 0.72 then
    if queued[u][gi] then queued[u][gi] = nil; return json("POST", queue .. "/leave", u, "{}") end
    queued[u][gi] = true
    return json("POST", queue, u, "{}")
  end
  if r < 0.84 and cosigned[u] < #groups * #g.concerns then
    -- the k-th co-signature of member u: a concern no co-signature of theirs has reached before
    local k = cosigned[u]
    cosigned[u] = k + 1
    local target = groups[(k % #groups) + 1]
    local c = target.concerns[((u + math.floor(k / #groups)) % #target.concerns) + 1]
    return json("POST", "/api/v1/groups/" .. target.id .. "/concerns/" .. c .. "/cosign", u, "{}")
  end
  if r < 0.92 and not answered[u][gi] then
    answered[u][gi] = true
    return json("POST", base .. "/surveys/" .. g.survey .. "/responses", u, string.format(
      '{"answers":{"%s":{"choices":[%d]},"%s":{"number":%d}}}', g.q1, math.random(0, 3), g.q2, math.random(0, 12)))
  end
  if r < 0.95 then
    return json("POST", base .. "/concerns", u, string.format(
      '{"title":"Soak concern %d","details":"Raised during the soak benchmark.","category":"STAFFING_AND_WORKLOAD","affected":"Everyone","anonymous":false}',
      math.random(1000000)))
  end
  return json("GET", base .. "/surveys", u)
end

delay = function() return math.random(math.floor(think / 2), math.floor(think * 3 / 2)) end

response = function(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

done = function(summary, latency, requests)
  local all = {}
  local missing = 0
  for _, t in ipairs(threads) do
    local counts = t:get("counts")
    if counts == nil then
      missing = missing + 1
    else
      for status = 100, 599 do
        local n = counts[status]
        if n then all[status] = (all[status] or 0) + n end
      end
    end
  end
  local line = "STATUS"
  for status = 100, 599 do
    if all[status] then line = line .. string.format(" %d=%d", status, all[status]) end
  end
  if missing > 0 then line = line .. string.format(" (the counts of %d threads could not be read)", missing) end
  io.write(line .. "\n")
end
