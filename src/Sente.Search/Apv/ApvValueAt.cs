namespace Sente.Search.Apv;

/// <summary>Where <see cref="ApvMcts"/> takes a simulation's value v(s_L) from (<see cref="ApvOptions.ValueAt"/>).</summary>
public enum ApvValueAt
{
    /// <summary>The position the simulation stops at (the first one off the tree), evaluated on its first visit: one
    /// value evaluation per distinct position reached, one ply deeper than <see cref="Expansion"/>.</summary>
    Visit,

    /// <summary>The paper's leaf node s_L (Silver et al. 2016, Fig. 3): a position is evaluated once, when it joins the
    /// tree, in the same round as its priors; a simulation that stops at an edge whose successor is not in the tree yet
    /// backs up the value of the node it left. One value evaluation per tree node, so as many as prior evaluations.</summary>
    Expansion,

    /// <summary>Not the paper's: as <see cref="Expansion"/> (a position is evaluated once, when it joins the tree), but a
    /// simulation that stops at an edge whose successor is not in the tree yet backs up the value of the node it left
    /// only to the edges above that node, not to the edge itself; an edge without value visits is then scored by its
    /// rollouts alone (with 0 &lt; lambda &lt; 1). With <see cref="Expansion"/> the siblings below a node all receive
    /// the node's own value until they join the tree, which carries nothing to choose between them and halves their
    /// differences in Q (with lambda 0.5) while each waits for its n_thr visits; here their rollouts alone tell them
    /// apart until each has a value of its own.</summary>
    Node,
}
