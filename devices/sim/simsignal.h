#pragma once

#include "tags/datatype.h"
#include "tags/tagsample.h"

#include <QString>

#include <optional>
#include <random>

namespace vigil
{

// One simulated signal, parsed from a sim tag address "kind[:key=value,...]":
//   sine:period=60s,lo=0,hi=100,phase=0.25,noise=0.5
//   ramp:period=30s,lo=0,hi=100        square:period=10s,lo=0,hi=1,duty=0.5
//   random:lo=0,hi=100,step=2          constant:value=42           text:value=READY
// Values are a function of time (and, for random walks, of a seeded generator), so a given
// clock and seed always give the same samples.
class SimSignal
{
public:
    enum class Kind {
        Sine,
        Ramp,
        Random,
        Square,
        Constant,
        Text
    };

    // Parses and checks the address against the tag's data type; on failure returns nullopt and
    // sets error to a message naming the problem.
    static std::optional<SimSignal> parse(const QString &address, DataType type, QString *error);

    Kind kind() const { return m_kind; }
    // The raw value at a time (ms since epoch). Integer and bool types are rounded.
    double valueAt(qint64 timeMs, std::mt19937_64 &rng);
    QString text() const { return m_text; }
    // The tag's sample at a time: the text of a text signal, else valueAt().
    TagSample sample(quint32 tag, qint64 timeMs, std::mt19937_64 &rng);

    // A written value replaces the signal until the next write.
    void hold(double value);
    void holdText(const QString &text);

private:
    Kind m_kind = Kind::Constant;
    DataType m_type = DataType::Float64;
    double m_periodMs = 60'000;
    double m_lo = 0, m_hi = 100;
    double m_phase = 0, m_noise = 0, m_duty = 0.5, m_step = 0, m_value = 0;
    bool m_walkStarted = false;
    QString m_text;
};

} // namespace vigil
