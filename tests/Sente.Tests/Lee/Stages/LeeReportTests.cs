using Sente.Lee.Stages;

namespace Sente.Tests.Lee.Stages;

/// <summary>The AlphaGo Lee report: whatever stage results exist, beside the paper.</summary>
public class LeeReportTests
{
    private static void Put(string dir, string relative, string json)
    {
        string path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
    }

    [Fact]
    public void RendersTheTableFromThePresentResultsAndMarksTheRestNotRun()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"sente-report-{Guid.NewGuid():N}"[..26]);
        try
        {
            Put(dir, "sl-48/sl-state.json", """{"Step":2000,"History":[{"Step":1000,"Positions":10,"Top1":0.4,"Top3":0.6,"Loss":2,"MicrosecondsPerPosition":50},{"Step":2000,"Positions":10,"Top1":0.5123,"Top3":0.7,"Loss":1.5,"MicrosecondsPerPosition":40,"Top1Symmetric":0.5301}]}""");
            // A further 48-plane run (another width) gets its own row after sl-48; a directory without a state is no run.
            Put(dir, "sl-48-96/sl-state.json", """{"Step":10000,"History":[{"Step":10000,"Positions":5332,"Top1":0.52,"Top3":0.772,"Loss":1.6,"MicrosecondsPerPosition":863,"Top1Symmetric":0.544}]}""");
            Directory.CreateDirectory(Path.Combine(dir, "sl-48-empty"));
            Put(dir, "rollout.json", """{"Top1":0.261,"MicrosecondsPerMove":1.7}""");
            Put(dir, "rl/rl-state.json", """{"History":[{"Iteration":20,"WinRateVsSl":0.78,"Games":200}]}""");
            Put(dir, "value-sampled/value-state.json", """{"Step":500,"Mode":"Sampled","History":[{"Step":500,"TrainMse":0.41,"TestMse":0.45,"ConstantMse":0.99}]}""");
            Put(dir, "tournament.json", """{"Players":["mixed","value"],"Results":[{"A":"mixed","B":"value","AWins":7,"BWins":3,"Games":10}],"Elo":{"mixed":1147,"value":1000}}""");
            var (code, output, err) = SenteCli.Run("lee", "report", "--dir", dir);
            Assert.True(code == 0, err);
            string md = File.ReadAllText(Path.Combine(dir, "report.md"));
            Assert.Equal(md, output[..md.Length]);
            Assert.Contains("| SL policy, 48 planes: held-out top-1 / top-3 | 51.2% / 70.0% (step 2000, 40 us/position; 8-symmetry ensemble top-1 53.0%) | 55.4% (192 filters); 57.0% (256 filters, 8-symmetry ensemble) |", md);
            const string wide = "| SL policy, 48 planes (sl-48-96): held-out top-1 / top-3 | 52.0% / 77.2% (step 10000, 863 us/position; 8-symmetry ensemble top-1 54.4%) |";
            Assert.Contains(wide, md);
            Assert.True(md.IndexOf("| SL policy, 48 planes: ", StringComparison.Ordinal) < md.IndexOf(wide, StringComparison.Ordinal));
            Assert.DoesNotContain("sl-48-empty", md);
            Assert.Contains("| SL policy, 4 planes: held-out top-1 / top-3 | not run | 47.6% |", md);
            Assert.Contains("26.1%, 1.70 us | 24.2%, 2 us |", md);
            Assert.Contains("78.0% of 200 games (iteration 20) | over 80% |", md);
            Assert.Contains("0.410 / 0.450 (0.990; step 500) | 0.226 / 0.234 |", md);
            Assert.Contains("| Value MSE, every position of each game: train / held-out (constant) | not run | 0.19 / 0.37 |", md);
            Assert.Contains("| mixed | 1147 |", md);
            Assert.Contains("| Search variant Elo: mixed | 1147 | 2890 (value + rollouts) |", md);
            Assert.Contains("| mixed | value | 7 | 3 | 10 |", md);
            var png = File.ReadAllBytes(Path.Combine(dir, "report.png"));
            Assert.True(png.Length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');

            Put(dir, "rollout.json", """{"Top1":0.261""");
            (code, _, err) = SenteCli.Run("lee", "report", "--dir", dir);
            Assert.NotEqual(0, code);
            Assert.Contains("rollout.json", err);
            Put(dir, "rollout.json", """{"Top1":"high","MicrosecondsPerMove":1.7}""");
            (code, _, err) = SenteCli.Run("lee", "report", "--dir", dir);
            Assert.NotEqual(0, code);
            Assert.Contains("rollout.json", err);
            Assert.Contains("Top1", err);
            File.Delete(Path.Combine(dir, "rollout.json"));
            Put(dir, "value-all/value-state.json", """{"Step":1,"History":[]}""");
            (code, _, err) = SenteCli.Run("lee", "report", "--dir", dir);
            Assert.NotEqual(0, code);
            Assert.Contains(Path.Combine("value-all", "value-state.json"), err);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void AnEmptyDirectoryGivesANotRunTable()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"sente-report-{Guid.NewGuid():N}"[..26]);
        Directory.CreateDirectory(dir);
        try
        {
            string md = LeeReport.Write(dir);
            Assert.Equal(11, md.Split('\n').Count(l => l.Contains("| not run |")));
            Assert.Contains("| Value MSE, every position from the sampled one on: train / held-out (constant) | not run | - |", md);
            Assert.Contains("not run (no tournament.json)", md);
            Assert.True(File.Exists(Path.Combine(dir, "report.png")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
