-- wrk script: POST a new company per request, with names unique across threads and runs. Keeps the
-- headers given with -H (the API key) and adds the content type. With the script argument "idempotent"
-- every request also carries an Idempotency-Key of its own (to measure what the key costs).
local thread_counter = 0
setup = function(thread)
  thread_counter = thread_counter + 1
  thread:set("thread_id", thread_counter)
end

local counter = 0
local run = tostring(os.time())
local idempotent = false
init = function(args)
  idempotent = args[1] == "idempotent"
end

request = function()
  counter = counter + 1
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/json"
  local unique = string.format("%s-%d-%d", run, thread_id, counter)
  if idempotent then headers["Idempotency-Key"] = "bench-" .. unique end
  local body = '{"name": "Bench Co ' .. unique .. (idempotent and ' i' or '') .. '", "country": "DE", "kind": "group", "sectors": ["cloud_provider"]}'
  return wrk.format("POST", wrk.path .. "/companies", headers, body)
end
