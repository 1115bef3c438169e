-- wrk reports p50/p95/p99 in microseconds and the failed requests, one line the benchmark parses.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT p50_us=%d p95_us=%d p99_us=%d requests=%d errors=%d\n",
      latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.requests, errors))
end
