using Sente.Core;

namespace Sente.Rl.Bandits;

/// <summary>
/// Thompson sampling for Gaussian rewards with known noise variance (1 on the testbed): each arm's mean has a
/// normal prior N(priorMean, priorVariance); the agent samples every posterior and plays the largest sample.
/// </summary>
public sealed class ThompsonSampling : IBanditAgent
{
    private readonly double[] _sum;
    private readonly int[] _n;
    private readonly double[] _samples;
    private readonly double _priorMean, _priorPrecision, _noisePrecision;

    public ThompsonSampling(int arms, double priorMean = 0, double priorVariance = 1, double noiseVariance = 1)
    {
        _sum = new double[arms];
        _n = new int[arms];
        _samples = new double[arms];
        _priorMean = priorMean;
        _priorPrecision = 1 / priorVariance;
        _noisePrecision = 1 / noiseVariance;
    }

    public int SelectAction(Rng rng)
    {
        for (int a = 0; a < _sum.Length; a++)
        {
            double precision = _priorPrecision + _n[a] * _noisePrecision;
            double mean = (_priorPrecision * _priorMean + _noisePrecision * _sum[a]) / precision;
            _samples[a] = mean + rng.NextGaussian() / Math.Sqrt(precision);
        }
        return BanditMath.ArgMaxRandomTies(_samples, rng);
    }

    public void Update(int action, double reward)
    {
        _n[action]++;
        _sum[action] += reward;
    }
}
