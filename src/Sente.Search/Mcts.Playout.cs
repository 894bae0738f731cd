using Sente.Core.Evaluation;
using Sente.Core.Games;

namespace Sente.Search;

/// <summary>One playout: select down the tree with virtual loss, hand the leaf to the evaluator, back the value up.</summary>
public sealed partial class Mcts
{
    /// <summary>A reusable private copy of the root position that one playout walks down and back up.</summary>
    internal sealed class Slot(Mcts owner, IGameState state)
    {
        /// <summary>The search whose tree this slot walks.</summary>
        public readonly Mcts Owner = owner;
        public readonly IGameState State = state;
        public readonly List<(Node Node, int Index, int Mover)> Path = [];
        public readonly List<int> Legal = [];
        public Node? Leaf;
    }

    private enum Descent { Leaf, Terminal, Collision }

    /// <summary>Why <see cref="Collect"/> stopped.</summary>
    internal enum CollectStatus
    {
        /// <summary>Collected the requested leaves (terminal playouts count as collected and completed).</summary>
        Full,
        /// <summary>Hit a leaf another playout is evaluating; evaluate what was collected, then try again.</summary>
        Collision,
        /// <summary>The budget, time limit or cancellation allows no more playouts.</summary>
        Exhausted,
    }

    /// <summary>Collects up to <paramref name="max"/> leaves awaiting evaluation into <paramref name="into"/>
    /// (terminal playouts are completed on the spot and count towards <paramref name="max"/>). Thread-safe.</summary>
    internal CollectStatus Collect(int max, List<Slot> into)
    {
        for (int k = 0; k < max; k++)
        {
            if (!TryReserve()) return CollectStatus.Exhausted;
            Slot slot = RentSlot();
            switch (Descend(slot))
            {
                case Descent.Leaf:
                    into.Add(slot);
                    break;
                case Descent.Terminal:
                    ReturnSlot(slot);
                    Interlocked.Increment(ref _completed);
                    break;
                default:
                    Interlocked.Decrement(ref _reserved);
                    ReturnSlot(slot);
                    return CollectStatus.Collision;
            }
        }
        return CollectStatus.Full;
    }

    private bool TryReserve()
    {
        if (_failed || _cancel.IsCancellationRequested) return false;
        if (_timeLimit is { } t && _clock.Elapsed >= t) return false;
        if (Interlocked.Increment(ref _reserved) <= _budget) return true;
        Interlocked.Decrement(ref _reserved);
        return false;
    }

    private Slot RentSlot()
    {
        lock (_freeSlots)
        {
            if (_freeSlots.TryPop(out Slot? s)) return s;
            var slot = new Slot(this, _rootState.Clone());
            _allSlots.Add(slot);
            return slot;
        }
    }

    private void ReturnSlot(Slot slot)
    {
        lock (_freeSlots) _freeSlots.Push(slot);
    }

    private Descent Descend(Slot slot)
    {
        IGameState state = slot.State;
        var path = slot.Path;
        path.Clear();
        Node node = _root;
        while (true)
        {
            int index;
            Node child;
            lock (node)
            {
                if (node.State == Node.New)
                {
                    node.State = Node.Evaluating;
                    slot.Leaf = node;
                    return Descent.Leaf;
                }
                if (node.State == Node.Evaluating)
                {
                    RevertVirtualLoss(path);
                    Rewind(slot);
                    return Descent.Collision;
                }
                index = SelectChild(node);
                node.Pending[index]++;
                node.TotalPending++;
                child = node.Children[index] ??= new Node();
            }
            path.Add((node, index, state.CurrentPlayer));
            state.Apply(node.Actions[index]);
            if (state.IsTerminal)
            {
                foreach (var (n, i, mover) in path) Update(n, i, (float)state.Returns(mover));
                Rewind(slot);
                return Descent.Terminal;
            }
            node = child;
        }
    }

    /// <summary>Expands the slot's leaf with the evaluator's output (priors: NumActions probabilities; value for the
    /// leaf's player to move), backs the value up and returns the slot to the pool. Thread-safe.</summary>
    internal void Complete(Slot slot, ReadOnlySpan<float> priors, float value)
    {
        Node leaf = slot.Leaf!;
        IGameState state = slot.State;
        int leafPlayer = state.CurrentPlayer;
        state.LegalActions(slot.Legal);
        if (slot.Legal.Count == 0)
            throw new InvalidOperationException($"Mcts: a non-terminal {Game.Name} position has no legal action");
        lock (leaf)
        {
            leaf.Expand(slot.Legal, priors, value, Options.Seed ^ state.PositionHash);
            if (leaf == _root) PrepareRoot(leaf);
            value = leaf.Value;
        }
        foreach (var (n, i, mover) in slot.Path) Update(n, i, mover == leafPlayer ? value : -value);
        slot.Leaf = null;
        Rewind(slot);
        ReturnSlot(slot);
        Interlocked.Increment(ref _completed);
    }

    /// <summary>Gives up a collected leaf whose evaluation failed: the leaf becomes unvisited again, virtual loss
    /// is removed and the slot returns to the pool, so the tree stays consistent. Thread-safe.</summary>
    internal void Abandon(Slot slot)
    {
        _failed = true;
        lock (slot.Leaf!) slot.Leaf.State = Node.New;
        slot.Leaf = null;
        RevertVirtualLoss(slot.Path);
        Rewind(slot);
        ReturnSlot(slot);
        Interlocked.Decrement(ref _reserved);
    }

    /// <summary>Evaluates <paramref name="slots"/> (collected by one or more trees of the same game) in ONE evaluator
    /// call and completes each with the tree that collected it; when the evaluation or a completion throws, abandons the
    /// slots not yet completed and rethrows. <paramref name="states"/>, <paramref name="priors"/> (at least
    /// slots x <paramref name="numActions"/>) and <paramref name="values"/> are the caller's reusable buffers.</summary>
    internal static void EvaluateAndComplete(IEvaluator evaluator, List<Slot> slots, List<IGameState> states,
                                             float[] priors, float[] values, int numActions)
    {
        states.Clear();
        foreach (Slot s in slots) states.Add(s.State);
        int completed = 0;
        try
        {
            evaluator.Evaluate(states, priors.AsSpan(0, slots.Count * numActions), values.AsSpan(0, slots.Count));
            for (; completed < slots.Count; completed++)
            {
                Slot slot = slots[completed];
                slot.Owner.Complete(slot, priors.AsSpan(completed * numActions, numActions), values[completed]);
            }
        }
        catch
        {
            for (int i = completed; i < slots.Count; i++) slots[i].Owner.Abandon(slots[i]);
            throw;
        }
    }

    private static void Update(Node node, int i, float value)
    {
        lock (node)
        {
            node.N[i]++;
            node.W[i] += value;
            node.TotalN++;
            node.TotalW += value;
            node.Pending[i]--;
            node.TotalPending--;
        }
    }

    private static void RevertVirtualLoss(List<(Node Node, int Index, int Mover)> path)
    {
        foreach (var (n, i, _) in path)
            lock (n)
            {
                n.Pending[i]--;
                n.TotalPending--;
            }
    }

    private static void Rewind(Slot slot)
    {
        for (int k = 0; k < slot.Path.Count; k++) slot.State.Undo();
        slot.Path.Clear();
    }

    /// <summary>PUCT: argmax over allowed edges of Q + c * P * sqrt(N_parent) / (1 + N_edge), where pending playouts
    /// count as <see cref="MctsOptions.VirtualLoss"/> lost visits each. Caller holds lock(node).</summary>
    private int SelectChild(Node node)
    {
        int vl = Options.VirtualLoss;
        double parentN = 1 + node.TotalN + (double)vl * node.TotalPending; // the node's own evaluation counts as a visit
        double c = Options.CInit;
        if (Options.LogGrowingC) c += Math.Log((1 + parentN + Options.CBase) / Options.CBase);
        double cSqrt = c * Math.Sqrt(parentN);

        double fpu = Options.FpuValue;
        if (Options.Fpu == FpuMode.ParentQMinusReduction)
        {
            double visitedMass = 0;
            for (int i = 0; i < node.N.Length; i++) if (node.N[i] > 0) visitedMass += node.Priors[i];
            fpu = (node.Value + node.TotalW) / (1 + node.TotalN) - Options.FpuValue * Math.Sqrt(visitedMass);
        }

        bool[]? excluded = node == _root ? node.Excluded : null;
        int best = -1;
        double bestScore = double.NegativeInfinity;
        for (int i = 0; i < node.N.Length; i++)
        {
            if (excluded is not null && excluded[i]) continue;
            int pending = node.Pending[i] * vl;
            double n = node.N[i] + pending;
            double q = n > 0 ? (node.W[i] - pending) / n : fpu;
            double score = q + cSqrt * node.Priors[i] / (1 + n);
            if (score > bestScore)
            {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }
}
