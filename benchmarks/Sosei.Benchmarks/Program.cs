using BenchmarkDotNet.Running;
using Sosei.Benchmarks;

// `generate-plan <plan file> <kpis> <out>`: a plan file with that many KPIs (benchmarks/import-memory.sh);
// otherwise runs the benchmarks chosen on the command line, e.g. `-- -f '*'` for all, `-- -f '*Parser*'`.
if (args is ["generate-plan", var source, var count, var output])
{
    LargePlanFile.Write(source, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), output);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ParserBenchmarks).Assembly).Run(args);
