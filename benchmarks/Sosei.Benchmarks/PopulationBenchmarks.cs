using BenchmarkDotNet.Attributes;
using Sosei.Domain.Population;
using Sosei.Domain.Tests.Population;

namespace Sosei.Benchmarks;

/// <summary>
/// What the population page does per request (ADR 0007: projections are computed on demand, not stored): calibrate
/// the 平成30年推計 for 根室市 and project the three scenarios to 2060.
/// </summary>
[MemoryDiagnoser]
public class PopulationBenchmarks
{
    private MunicipalProjectionModel model = null!;

    /// <summary>Reads the shipped CSVs once.</summary>
    [GlobalSetup]
    public void Setup() => model = PopulationData.VisionModel("01223");

    /// <summary>Calibration from the published table.</summary>
    [Benchmark]
    public int Calibrate() => PopulationData.Model("01223").Periods.Count;

    /// <summary>パターン1 to 2060.</summary>
    [Benchmark]
    public decimal ProjectPattern1() => model.Project(PopulationScenario.Pattern1).Tables[^1].Total;

    /// <summary>シミュレーション1 (TFR 1.8 by 2030, 2.07 by 2040) to 2060.</summary>
    [Benchmark]
    public decimal ProjectSimulation1() => model.Project(PopulationScenario.Simulation1(FertilityPath.NationalVision)).Tables[^1].Total;
}
