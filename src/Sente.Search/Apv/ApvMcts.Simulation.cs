using Sente.Core;
using Sente.Core.Games;

namespace Sente.Search.Apv;

/// <summary>One simulation: selection with virtual loss, batched evaluation (values, priors, rollouts), backup.</summary>
public sealed partial class ApvMcts
{
    private sealed class Simulation
    {
        public readonly List<(ApvNode Node, int Index, int Mover)> Path = [];
        public IGameState State = null!;
        public ApvNode Leaf = null!;
        public int LeafPlayer;
        public bool Terminal;
        /// <summary>Terminal: the exact result for <see cref="LeafPlayer"/>; otherwise the rollout outcome.</summary>
        public double Outcome;
        public Rng? Rng;
    }

    /// <summary>Walks from the root to an unexpanded node or the end of the game, adding virtual loss on the way; queues
    /// the leaf's expansion when this visit brings its in-edge count to the threshold.</summary>
    private Simulation Descend()
    {
        var sim = new Simulation { State = _rootState.Clone() };
        ApvNode node = _root;
        while (true)
        {
            int i = Select(node);
            node.Pending[i]++;
            node.TotalPending++;
            ApvNode child = node.Children[i] ??= new ApvNode();
            sim.Path.Add((node, i, sim.State.CurrentPlayer));
            sim.State.Apply(node.Actions[i]);
            if (sim.State.IsTerminal)
            {
                sim.Terminal = true;
                sim.LeafPlayer = sim.State.CurrentPlayer;
                sim.Outcome = sim.State.Returns(sim.LeafPlayer);
                return sim;
            }
            if (!child.Expanded)
            {
                sim.Leaf = child;
                sim.LeafPlayer = sim.State.CurrentPlayer;
                if (!child.ExpansionQueued && node.N[i] + node.Pending[i] >= Options.ExpansionThreshold) child.ExpansionQueued = true;
                if (Options.ValueThreshold is { } vt && node.N[i] + node.Pending[i] >= vt) RequestValue(child, sim.State);
                if (_rollouts is not null) sim.Rng = _rng.Fork();
                return sim;
            }
            RequestValue(child, sim.State);
            node = child;
        }
    }

    /// <summary>argmax Q + u over the allowed edges, virtual loss included (ties: the first, i.e. the legal order).</summary>
    private int Select(ApvNode node)
    {
        double lambda = Options.Lambda, fpu = Options.FpuValue;
        int vl = Options.VirtualLoss;
        double sqrt = Math.Sqrt(Math.Max(1, node.TotalN + (double)vl * node.TotalPending));
        double c = Options.CPuct;
        bool[]? excluded = node == _root ? node.Excluded : null;
        if (Options.FpuReduction is { } reduction) fpu = ReducedFpu(node, reduction, lambda, fpu);
        int best = -1;
        double bestScore = double.NegativeInfinity;
        for (int i = 0; i < node.Actions.Length; i++)
        {
            if (excluded is not null && excluded[i]) continue;
            int loss = node.Pending[i] * vl;
            double q = EdgeQ(node, i, loss, lambda, fpu);
            double score = q + c * node.Priors[i] * sqrt / (1 + node.N[i] + loss);
            if (score > bestScore)
            {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    /// <summary>Leela Zero's first-play urgency: the visit-weighted mean Q of the visited edges (no virtual loss) minus
    /// <paramref name="reduction"/> x sqrt(their prior mass); <paramref name="fpu"/> when none is visited.</summary>
    private static double ReducedFpu(ApvNode node, double reduction, double lambda, double fpu)
    {
        double sumQ = 0, mass = 0;
        long visits = 0;
        for (int i = 0; i < node.Actions.Length; i++)
        {
            if (node.N[i] == 0) continue;
            sumQ += node.N[i] * EdgeQ(node, i, 0, lambda, fpu);
            visits += node.N[i];
            mass += node.Priors[i];
        }
        return visits == 0 ? fpu : sumQ / visits - reduction * Math.Sqrt(mass);
    }

    /// <summary>Q(s,a) = (1 - lambda) W_v/N_v + lambda W_r/N_r with <paramref name="loss"/> virtual lost visits added to
    /// both halves; <paramref name="fpu"/> for a half without visits. With 0 &lt; lambda &lt; 1, an edge that has no
    /// value visits is scored W_r/N_r alone (only <see cref="ApvValueAt.Node"/> leaves N_v behind N_r; in the other
    /// modes both count every simulation, so this changes nothing there).</summary>
    private static double EdgeQ(ApvNode node, int i, int loss, double lambda, double fpu)
    {
        double qr = lambda > 0 ? (node.Nr[i] + loss > 0 ? (node.Wr[i] - loss) / (node.Nr[i] + loss) : fpu) : 0;
        if (lambda >= 1 || (lambda > 0 && node.Nv[i] == 0)) return qr;
        double qv = node.Nv[i] + loss > 0 ? (node.Wv[i] - loss) / (node.Nv[i] + loss) : fpu;
        return (1 - lambda) * qv + lambda * qr;
    }

    /// <summary>One evaluation round: the value evaluator on the distinct leaves without a value, the prior evaluator
    /// on the leaves due for expansion, the rollouts, then the backups.</summary>
    private void EvaluateAndBackup(List<Simulation> batch)
    {
        if (Options.OverlapNetworks && _rollouts is not null)
        {
            // The rollouts play on copies, so the networks see the leaf states as they were.
            var copies = batch.Select(s => s.State.Clone()).ToArray();
            Task networks = Task.Run(() => EvaluateNetworks(batch));
            try { PlayRollouts(batch, i => copies[i]); }
            finally { ((IAsyncResult)networks).AsyncWaitHandle.WaitOne(); }
            networks.GetAwaiter().GetResult();
        }
        else
        {
            EvaluateNetworks(batch);
            if (_rollouts is not null) PlayRollouts(batch, i => batch[i].State);
        }
        foreach (Simulation s in batch)
        {
            bool own = false;
            double? v = _values is null ? null : LeafValue(s, out own);
            Backup(s, v ?? 0, s.Outcome, v.HasValue, _rollouts is not null,
                valueSkipsLastEdge: Options.ValueAt == ApvValueAt.Node && v.HasValue && !own);
        }
    }

    /// <summary>With <see cref="ApvValueAt.Visit"/>, the value evaluator on the batch's distinct leaves without a value;
    /// then the prior evaluator on the leaves due for expansion (reads the leaf states; writes only those nodes).</summary>
    private void EvaluateNetworks(List<Simulation> batch)
    {
        var nodes = new List<ApvNode>();
        var states = new List<IGameState>();
        if (Options.ValueAt == ApvValueAt.Visit)
        {
            foreach (Simulation s in batch)
                if (!s.Leaf.HasValue && !nodes.Contains(s.Leaf))
                {
                    nodes.Add(s.Leaf);
                    states.Add(s.State);
                }
            EvaluateValues(nodes, states);
        }
        nodes.Clear();
        states.Clear();
        foreach (Simulation s in batch)
            if (s.Leaf.ExpansionQueued && !nodes.Contains(s.Leaf))
            {
                nodes.Add(s.Leaf);
                states.Add(s.State);
            }
        if (nodes.Count > 0) Expand(nodes, states);
    }

    /// <summary>One value-evaluator call for those of <paramref name="nodes"/> without a value (none without a value
    /// evaluator).</summary>
    private void EvaluateValues(List<ApvNode> nodes, List<IGameState> states)
    {
        if (_values is null) return;
        var todo = new List<int>();
        for (int i = 0; i < nodes.Count; i++)
            if (!nodes[i].HasValue) todo.Add(i);
        if (todo.Count == 0) return;
        var values = new float[todo.Count];
        var priors = new float[todo.Count * _rootState.Game.NumActions];
        _values.Evaluate(todo.Count == states.Count ? states : todo.Select(i => states[i]).ToList(), priors, values);
        for (int k = 0; k < todo.Count; k++) nodes[todo[k]].SetValue(values[k]);
    }

    /// <summary>The simulation's value v(s_L) for its leaf player: the leaf's own value when it has one
    /// (<paramref name="own"/>; always with <see cref="ApvValueAt.Visit"/>; with <see cref="ApvValueAt.Expansion"/> when
    /// it joined the tree this round), else that of the tree node it left (which has one, since nodes get theirs when
    /// expanded, except with <see cref="ApvOptions.AsyncValues"/> while it is being evaluated: then null).</summary>
    private double? LeafValue(Simulation s, out bool own)
    {
        own = s.Leaf.HasValue;
        if (own) return s.Leaf.Value;
        var (parent, _, mover) = s.Path[^1];
        if (!parent.HasValue)
            return _async is not null ? null : throw new InvalidOperationException("ApvMcts: a tree node has no value");
        return mover == s.LeafPlayer ? parent.Value : -parent.Value;
    }

    /// <summary>One rollout per simulation of the batch from <paramref name="stateOf"/>(index) (which it modifies),
    /// on <see cref="ApvOptions.RolloutThreads"/> threads; sets each <see cref="Simulation.Outcome"/>.</summary>
    private void PlayRollouts(List<Simulation> batch, Func<int, IGameState> stateOf)
    {
        if (Options.RolloutThreads == 1 || batch.Count == 1)
            for (int i = 0; i < batch.Count; i++) batch[i].Outcome = Rollout(stateOf(i), batch[i].LeafPlayer, batch[i].Rng!);
        else
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Options.RolloutThreads },
                i => batch[i].Outcome = Rollout(stateOf(i), batch[i].LeafPlayer, batch[i].Rng!));
    }

    /// <summary>Plays the rollout policy from <paramref name="state"/> (modified) to the end; the result for
    /// <paramref name="player"/>, 0 when cut at <see cref="ApvOptions.MaxRolloutMoves"/>.</summary>
    private double Rollout(IGameState state, int player, Rng rng)
    {
        return _rollouts!.Rollout(state, player, rng, _maxRollout);
    }

    /// <summary>Removes the simulation's virtual loss and adds its value <paramref name="v"/> and rollout outcome
    /// <paramref name="z"/> (both for the leaf's player to move) to every edge of its path; the value not to the last
    /// edge when <paramref name="valueSkipsLastEdge"/> (<see cref="ApvValueAt.Node"/>: v is the value of the node that
    /// edge leaves, not of its successor).</summary>
    private void Backup(Simulation sim, double v, double z, bool hasValue, bool hasRollout, bool valueSkipsLastEdge = false)
    {
        for (int k = 0; k < sim.Path.Count; k++)
        {
            var (node, i, mover) = sim.Path[k];
            if (k == sim.Path.Count - 1 && valueSkipsLastEdge) hasValue = false;
            double sign = mover == sim.LeafPlayer ? 1 : -1;
            node.Pending[i]--;
            node.TotalPending--;
            node.N[i]++;
            node.TotalN++;
            if (hasValue)
            {
                node.Nv[i]++;
                node.Wv[i] += sign * v;
            }
            if (hasRollout)
            {
                node.Nr[i]++;
                node.Wr[i] += sign * z;
            }
        }
    }
}
