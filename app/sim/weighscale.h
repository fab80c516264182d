#pragma once

#include <QByteArray>

#include <deque>
#include <random>
#include <utility>

namespace vigil::sim
{

class PlantModel;

// WI-101, the weighing indicator under product tank T-101 (load cells under the tank legs). It
// weighs what the physics says is there: gross = vessel + level × tank volume × product density,
// with load-cell noise, shown in 0.5 kg divisions. Its serial protocol (ASCII, CR LF, in the
// style of common industrial indicators):
//   record (streamed every period, or on P):  ST,GS,+0006950.0kg    gross weight
//                                              ST,NT,+0005100.0kg    net = gross - tare
//       header ST stable / US unstable (moved more than kMotionBandKg within the last second, or
//       weighing for less than a second since power-up or zero)
//   commands and answers:
//       P              print: one record now
//       T              tare the current gross weight           T,OK   or T,NG when unstable
//       Z              zero (within ±2 % of capacity only)     Z,OK   or Z,NG
//       SET TARE <kg>  preset tare, 0..capacity                SET,OK or SET,NG
//       anything else                                          ?E
// Not thread-safe: one server thread owns it. Times are seconds on a monotonic clock.
class WeighScale
{
public:
    static constexpr double kVesselKg = 1850.0;    // empty tank on the load cells
    static constexpr double kDensityKgM3 = 1020.0; // the product
    static constexpr double kCapacityKg = 15000.0; // indicator capacity
    static constexpr double kDivisionKg = 0.5;     // display resolution
    static constexpr double kMotionBandKg = 5.0;   // stable: within this over kMotionWindowS
    static constexpr double kMotionWindowS = 1.0;
    static constexpr double kNoiseKg = 0.15; // load-cell noise (1 sigma)

    WeighScale(const PlantModel &model, quint64 seed);

    // The weight the physics gives for a plant state's level (no noise, no zero offset).
    static double grossFor(double levelPercent);

    // Weighs now: call at least every period (motion detection looks at the last second).
    void sample(double nowS);
    // The record for the latest sample: GS and NT lines.
    QByteArray record() const;
    // Answers one command line (without its terminator); the answer ends in CR LF. A print
    // command answers with a record.
    QByteArray command(const QByteArray &line, double nowS);

    double gross() const { return m_gross; }
    double tare() const { return m_tare; }
    bool stable() const;

private:
    static QByteArray line(const char *header, const char *mode, double kg);

    const PlantModel &m_model;
    std::mt19937_64 m_rng;
    double m_zeroOffset = 0.0;
    double m_tare = 0.0;
    double m_gross = 0.0;
    std::deque<std::pair<double, double>> m_recent; // (time, gross) within the motion window
    double m_settlingSince = 0.0;
};

} // namespace vigil::sim
