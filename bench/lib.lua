-- Shared by the wrk scripts under bench/ (run from the repository's root): numbers each thread, so that
-- init() knows its id as the global "id", and keeps the threads in "threads", so that done() can add up
-- what each counted.
threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
