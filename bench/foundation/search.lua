-- Rotates through directory searches of different selectivity.
local queries = {
  "q=nurses+bristol", "q=care&area=bath", "q=severnside", "q=therapists&sector=NHS_TRUST",
  "profession=midwives&area=exeter", "q=supervision+cardiff", "q=porters", "employer=riverside&q=support",
  "q=staffing+plymouth+nurses", "area=bs17", "q=agency&sector=AGENCY", "q=no+such+group+anywhere",
}
local prefix = os.getenv("SEARCH_PATH") or "/api/v1/directory/groups?"
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", prefix .. queries[(i % #queries) + 1])
end
