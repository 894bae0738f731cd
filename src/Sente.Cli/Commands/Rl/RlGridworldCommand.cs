using System.CommandLine;
using Sente.Core;
using Sente.Rl.Mdp;
using Sente.Rl.Td;
using Spectre.Console;
using static Sente.Cli.Commands.Rl.RlOptions;

namespace Sente.Cli.Commands.Rl;

/// <summary>`sente rl gridworld`: Example 4.1 solved by dynamic programming, with value tables and heat maps.</summary>
internal sealed class RlGridworldCommand : RlSubcommand
{
    private readonly Option<double> _theta;

    public RlGridworldCommand() : base("gridworld", "The 4x4 gridworld (Sutton and Barto Example 4.1): policy evaluation of " +
        "the random policy (two-array and in-place), q_pi, policy and value iteration, Monte Carlo and TD(0) estimates.")
    {
        _theta = Number("--theta", "Policy evaluation stops when the largest change of a sweep is below this", 1e-6);
    }

    protected override int Execute(RlRun run)
    {
        double theta = run.Check(_theta, t => t > 0, "positive");
        var mdp = GridWorld.Example41();
        var pi = mdp.UniformPolicy();
        var twoArray = DynamicProgramming.EvaluatePolicy(mdp, pi, theta, inPlace: false);
        var inPlace = DynamicProgramming.EvaluatePolicy(mdp, pi, theta, inPlace: true);
        var q = DynamicProgramming.ActionValues(mdp, inPlace.Values);
        var vi = DynamicProgramming.ValueIteration(mdp);
        var pit = DynamicProgramming.PolicyIteration(mdp);

        var vGrid = GridWorld.ToGrid(inPlace.Values, 4, 4);
        var starGrid = GridWorld.ToGrid(vi.Values, 4, 4);
        var c = run.Console;
        c.MarkupLine("[bold]v_pi of the equiprobable random policy[/] (Figure 4.1, k = infinity)");
        c.Write(Grid(vGrid));
        c.MarkupLine($"sweeps to theta = {Theta(theta)}: two-array {twoArray.Sweeps}, in-place {inPlace.Sweeps}");
        c.MarkupLine($"q_pi(11, down) = {F(q[11, GridWorld.Down])}, q_pi(7, down) = {F(q[7, GridWorld.Down])}");
        c.MarkupLine($"[bold]v*[/] by value iteration ({vi.Iterations} sweeps); policy iteration agrees after {pit.Iterations} improvements");
        c.Write(Grid(starGrid, "0"));
        string[] arrows = ["^", "v", "<", ">"];
        c.MarkupLine("[bold]a greedy optimal policy[/]");
        c.Write(Grid(starGrid, cell: (r, col) => mdp.IsTerminal(r * 4 + col) ? "T" : arrows[vi.Policy[r * 4 + col]]));

        // The same v_pi estimated from sampled episodes only (no model): Monte Carlo and TD(0).
        var env = new MdpEnvironment(mdp, startState: null, seed: run.Seed);
        TabularPolicy random = (_, rng) => rng.NextInt(4);
        var mc = Prediction.MonteCarlo(env, random, 10_000, 1.0, new Rng(run.Seed + 1));
        var td = Prediction.Td0(env, random, 10_000, 0.01, 1.0, new Rng(run.Seed + 2));
        c.MarkupLine("[bold]v_pi from 10,000 sampled episodes[/]: first-visit Monte Carlo | TD(0), alpha 0.01");
        var mcGrid = GridWorld.ToGrid(mc, 4, 4);
        var tdGrid = GridWorld.ToGrid(td, 4, 4);
        c.Write(Grid(mcGrid, cell: (r, col) => $"{F(mcGrid[r, col], "0.0")} | {F(tdGrid[r, col], "0.0")}"));

        var terminal = new Sente.Charts.HeatMapLabels(CellText: (r, col) => mdp.IsTerminal(r * 4 + col) ? "T 0" : null);
        run.HeatMap("gridworld-v-random.png", "Gridworld: v_pi, random policy (T = terminal)", vGrid, labels: terminal);
        run.HeatMap("gridworld-v-optimal.png", "Gridworld: v* (T = terminal)", starGrid, "0", labels: terminal);
        var states = Enumerable.Range(0, 16).Select(s => (double)s).ToArray();
        run.Columns("gridworld-values.csv",
            ["state", "v_random_two_array", "v_random_in_place", "v_optimal",
             "q_up", "q_down", "q_left", "q_right", "v_random_monte_carlo", "v_random_td0"],
            [states, twoArray.Values, inPlace.Values, vi.Values, Col(q, 0), Col(q, 1), Col(q, 2), Col(q, 3), mc, td]);
        return run.Done($"theta {Theta(theta)}, seed {run.Seed}");
    }

    private static string Theta(double theta) => theta.ToString("0.###e-0", System.Globalization.CultureInfo.InvariantCulture);

    private static double[] Col(double[,] q, int a) => Enumerable.Range(0, q.GetLength(0)).Select(s => q[s, a]).ToArray();
}
