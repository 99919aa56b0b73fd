using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, e.g. `-- -f '*'` for all, `-- -f '*Parser*'`.
BenchmarkSwitcher.FromAssembly(typeof(Sosei.Benchmarks.ParserBenchmarks).Assembly).Run(args);
