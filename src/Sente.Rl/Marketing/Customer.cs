namespace Sente.Rl.Marketing;

/// <summary>
/// A customer of the e-mail campaign, with the profile and purchase-history fields of the Hillstrom
/// MineThatData e-mail test: months since the last purchase (1..12), dollars spent in the past year, whether they
/// bought men's and/or women's merchandise, and whether they are a new customer (first purchase in the past year).
/// </summary>
public readonly record struct Customer(int Recency, double History, bool Mens, bool Womens, bool Newbie)
{
    /// <summary>Length of <see cref="WriteFeatures"/>'s vector.</summary>
    public const int FeatureCount = 9;

    /// <summary>The feature vector agents see: [1, mens, womens, newbie, recency scaled to [0, 1], log(history / 150),
    /// mens*newbie, mens*recency, newbie*recency]. Contextual agents are linear in these.</summary>
    public void WriteFeatures(Span<double> x)
    {
        double rec = (Recency - 1) / 11.0;
        x[0] = 1;
        x[1] = Mens ? 1 : 0;
        x[2] = Womens ? 1 : 0;
        x[3] = Newbie ? 1 : 0;
        x[4] = rec;
        x[5] = Math.Log(History / 150);
        x[6] = x[1] * x[3];
        x[7] = x[1] * rec;
        x[8] = x[3] * rec;
    }

    /// <summary>The customer's coarse segment name (<see cref="SegmentCell.CoarseName"/>).</summary>
    public string Segment => SegmentCell.CoarseName(SegmentCell.Coarse(this));
}
