-- wrk script: POST a new company per request, with names unique across threads and runs. Keeps the
-- headers given with -H (the API key) and adds the content type.
local thread_counter = 0
setup = function(thread)
  thread_counter = thread_counter + 1
  thread:set("thread_id", thread_counter)
end

local counter = 0
local run = tostring(os.time())
request = function()
  counter = counter + 1
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/json"
  local name = string.format("Bench Co %s-%d-%d", run, thread_id, counter)
  local body = '{"name": "' .. name .. '", "country": "DE", "kind": "group", "sectors": ["cloud_provider"]}'
  return wrk.format("POST", wrk.path .. "/companies", headers, body)
end
