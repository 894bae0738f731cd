namespace Sente.Rl.Reporting;

/// <summary>Helpers for learning curves.</summary>
public static class Curves
{
    /// <summary>Trailing moving average: y[i] = mean of x[max(0, i - window + 1) .. i].</summary>
    public static double[] MovingAverage(double[] x, int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        var y = new double[x.Length];
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += x[i];
            if (i >= window) sum -= x[i - window];
            y[i] = sum / Math.Min(i + 1, window);
        }
        return y;
    }
}
