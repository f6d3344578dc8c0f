-- wrk script: POST a new company per request, with names unique across threads and runs.
local thread_counter = 0
setup = function(thread)
  thread_counter = thread_counter + 1
  thread:set("thread_id", thread_counter)
end

local counter = 0
local run = tostring(os.time())
request = function()
  counter = counter + 1
  local name = string.format("Bench Co %s-%d-%d", run, thread_id, counter)
  local body = '{"name": "' .. name .. '", "country": "DE", "kind": "group", "sectors": ["cloud_provider"]}'
  return wrk.format("POST", "/companies", {["Content-Type"] = "application/json"}, body)
end
