-- wrk script (set-up of the status-change step): POST rumored deals with one participant (script argument 1:
-- its company id) and append each created deal's id to <argument 2>-<thread>.txt.
local thread_counter = 0
setup = function(thread)
  thread_counter = thread_counter + 1
  thread:set("thread_id", thread_counter)
end

local counter, company, out, file = 0, nil, nil, nil
local run = tostring(os.time())
init = function(args)
  company, out = args[1], args[2]
end

request = function()
  counter = counter + 1
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/json"
  local body = string.format('{"title": "Bench deal %s-%d-%d", "type": "acquisition", "status": "rumored", '
    .. '"confidence": "rumored", "participants": [{"companyId": "%s", "role": "acquirer"}]}', run, thread_id, counter, company)
  return wrk.format("POST", wrk.path .. "/deals", headers, body)
end

response = function(status, headers, body)
  local location = headers["Location"] or headers["location"]
  if status == 201 and location then
    if not file then file = io.open(out .. "-" .. thread_id .. ".txt", "a") end
    file:write(location:match("([^/]+)$"), "\n")
    file:flush()
  end
end
