-- wrk script: walks the deals listed in the files <argument 1>-*.txt (created rumored, version 0) through
-- rumored -> in_talks -> announced -> pending_approval -> abandoned, one POST /deals/{id}/status-changes per
-- request with If-Match of the version the previous step left. Each thread owns every n-th deal and finishes one
-- step for all of its deals before the next, so a deal's next change is never sent while its previous one runs.
local thread_counter = 0
setup = function(thread)
  thread_counter = thread_counter + 1
  thread:set("thread_id", thread_counter)
end

local steps = {"in_talks", "announced", "pending_approval", "abandoned"}
local deals, index, step = {}, 0, 1
init = function(args)
  local all = {}
  for t = 1, 64 do
    local f = io.open(args[1] .. "-" .. t .. ".txt", "r")
    if f then
      for line in f:lines() do all[#all + 1] = line end
      f:close()
    end
  end
  table.sort(all)
  local n = tonumber(args[2])
  for i, id in ipairs(all) do
    if (i - 1) % n == thread_id - 1 then deals[#deals + 1] = id end
  end
end

request = function()
  index = index + 1
  if index > #deals then index, step = 1, step + 1 end
  if step > #steps or #deals == 0 then
    -- every deal walked to its end: further requests are counted as errors by the table (412 problems)
    step = #steps
  end
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/json"
  headers["If-Match"] = '"' .. (step - 1) .. '"'
  local body = '{"status": "' .. steps[step] .. '"}'
  return wrk.format("POST", wrk.path .. "/deals/" .. (deals[index] or "none") .. "/status-changes", headers, body)
end
