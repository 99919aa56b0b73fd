-- wrk script for benchmarks/soak.sh: each request takes the next path of the main pages and the API, in turn.
local paths = {
  "/",
  "/plans/abashiri-sosei-2015",
  "/plans/abashiri-sosei-2015/verification?year=2018",
  "/plans/abashiri-sosei-2015/kpis/G1-N1?year=2018",
  "/plans/abashiri-sosei-2015/projects",
  "/plans/abashiri-sosei-2015/councils",
  "/plans/nemuro-sosei-2015",
  "/plans/nemuro-sosei-2015/verification",
  "/population",
  "/population/01223",
  "/api/plans",
  "/api/plans/abashiri-sosei-2015/kpis?year=2018",
  "/api/plans/abashiri-sosei-2015/verification?year=2018",
  "/api/plans/nemuro-sosei-2015/kpis",
}
local counter = 0

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors: status>=400 %d, connect %d, read %d, write %d, timeout %d\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
