-- wrk script of .ci/bench's realistic runs: every request a path drawn at
-- random from the file $WIJKWIJS_BENCH_PATHS (one path per line), with
-- the session cookie $WIJKWIJS_BENCH_COOKIE. Each wrk thread draws its
-- own sequence. With $WIJKWIJS_BENCH_DELAY_MS, each connection pauses
-- that long between requests (a rate below the maximum).
local paths = {}
local pause = tonumber(os.getenv("WIJKWIJS_BENCH_DELAY_MS") or "0")

function init(args)
  for line in io.lines(os.getenv("WIJKWIJS_BENCH_PATHS")) do
    paths[#paths + 1] = line
  end
  wrk.headers["Cookie"] = os.getenv("WIJKWIJS_BENCH_COOKIE")
  math.randomseed(os.time() + tonumber(tostring(paths):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function delay()
  return pause
end
