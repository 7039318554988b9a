-- A group's concern list, first page, rotating over the benchmark user's groups (GROUP_IDS: comma-separated ids).
local groups = {}
for id in string.gmatch(os.getenv("GROUP_IDS") or "", "[^,]+") do table.insert(groups, id) end
local prefix = os.getenv("LIST_PATH") or "/api/v1/groups/%s/concerns"
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", string.format(prefix, groups[(i % #groups) + 1]))
end
