#include "simsignal.h"

#include "config/duration.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vigil
{

namespace
{

struct KindInfo {
    SimSignal::Kind kind;
    const char16_t *name;
    const char16_t *keys; // allowed parameters, comma-separated
};
constexpr KindInfo kKinds[] = {
    {SimSignal::Kind::Sine, u"sine", u"period,lo,hi,phase,noise"},
    {SimSignal::Kind::Ramp, u"ramp", u"period,lo,hi"},
    {SimSignal::Kind::Random, u"random", u"lo,hi,step"},
    {SimSignal::Kind::Square, u"square", u"period,lo,hi,duty"},
    {SimSignal::Kind::Constant, u"constant", u"value"},
    {SimSignal::Kind::Text, u"text", u"value"},
};

} // namespace

std::optional<SimSignal> SimSignal::parse(const QString &address, DataType type, QString *error)
{
    const qsizetype colon = address.indexOf(u':');
    const QString kindName = (colon < 0 ? address : address.left(colon)).trimmed().toLower();
    const KindInfo *info = nullptr;
    QStringList names;
    for (const KindInfo &k : kKinds) {
        names.append(QString::fromUtf16(k.name));
        if (kindName == QStringView(k.name))
            info = &k;
    }
    if (!info) {
        *error = QStringLiteral("unknown sim signal '%1' in address '%2' (signals: %3)")
                     .arg(kindName, address, names.join(u", "));
        return std::nullopt;
    }
    SimSignal s;
    s.m_kind = info->kind;
    s.m_type = type;
    const bool textSignal = s.m_kind == Kind::Text;
    const bool boolFits = s.m_kind == Kind::Square || s.m_kind == Kind::Constant;
    if ((type == DataType::String) != textSignal || (type == DataType::Bool && !boolFits)) {
        *error = QStringLiteral("data type %1 does not fit sim address '%2'%3")
                     .arg(dataTypeName(type), address,
                          type == DataType::String
                              ? QStringLiteral(" (string tags use 'text:value=...')")
                          : type == DataType::Bool
                              ? QStringLiteral(" (bool tags use 'square' or 'constant')")
                              : QString());
        return std::nullopt;
    }
    if (s.m_kind == Kind::Square) {
        s.m_periodMs = 10'000;
        s.m_hi = 1;
    }

    const QStringList allowed = QString::fromUtf16(info->keys).split(u',');
    const QString params = colon < 0 ? QString() : address.mid(colon + 1);
    for (const QString &part : params.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(u'=');
        const QString key = part.left(eq).trimmed();
        const QString value = eq < 0 ? QString() : part.mid(eq + 1).trimmed();
        if (eq < 0 || !allowed.contains(key)) {
            *error = QStringLiteral("unknown parameter '%1' in sim address '%2' (%3 takes: %4)")
                         .arg(part.trimmed(), address, kindName, allowed.join(u", "));
            return std::nullopt;
        }
        if (key == u"value" && textSignal) {
            s.m_text = value;
            continue;
        }
        if (key == u"period") {
            const std::optional<qint64> ms = Duration::parseMs(value);
            if (!ms || *ms < 100) {
                *error = QStringLiteral("sim period '%1' in address '%2' must be a duration of at "
                                        "least 100ms, e.g. '30s'")
                             .arg(value, address);
                return std::nullopt;
            }
            s.m_periodMs = double(*ms);
            continue;
        }
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (!ok || !std::isfinite(number)) {
            *error = QStringLiteral("sim parameter '%1' in address '%2' must be a number, got '%3'")
                         .arg(key, address, value);
            return std::nullopt;
        }
        if (key == u"lo")
            s.m_lo = number;
        else if (key == u"hi")
            s.m_hi = number;
        else if (key == u"phase")
            s.m_phase = number;
        else if (key == u"noise")
            s.m_noise = number;
        else if (key == u"duty")
            s.m_duty = number;
        else if (key == u"step")
            s.m_step = number;
        else if (key == u"value")
            s.m_value = number;
    }
    if (s.m_kind != Kind::Constant && s.m_kind != Kind::Text && !(s.m_lo < s.m_hi)) {
        *error = QStringLiteral("sim address '%1': lo (%2) must be below hi (%3)")
                     .arg(address)
                     .arg(s.m_lo)
                     .arg(s.m_hi);
        return std::nullopt;
    }
    if (s.m_duty <= 0 || s.m_duty >= 1 || s.m_noise < 0 || s.m_step < 0) {
        *error = QStringLiteral("sim address '%1': duty must be in (0, 1), noise and step must "
                                "not be negative")
                     .arg(address);
        return std::nullopt;
    }
    const double lo = s.m_kind == Kind::Constant ? s.m_value : s.m_lo;
    const double hi = s.m_kind == Kind::Constant ? s.m_value : s.m_hi;
    if (!textSignal && (lo < dataTypeMin(type) || hi > dataTypeMax(type))) {
        *error = QStringLiteral("sim address '%1' produces values a %2 cannot hold")
                     .arg(address, dataTypeName(type));
        return std::nullopt;
    }
    if (s.m_kind == Kind::Random && s.m_step == 0)
        s.m_step = (s.m_hi - s.m_lo) / 50.0;
    return s;
}

TagSample SimSignal::sample(quint32 tag, qint64 timeMs, std::mt19937_64 &rng)
{
    TagSample s;
    s.tag = tag;
    s.sourceTime = timeMs;
    if (m_kind == Kind::Text)
        s.text = m_text;
    else
        s.value = valueAt(timeMs, rng);
    return s;
}

double SimSignal::valueAt(qint64 timeMs, std::mt19937_64 &rng)
{
    const double span = m_hi - m_lo;
    // Remainder in whole milliseconds first: epoch times divided by short periods lose precision.
    const qint64 period = std::max<qint64>(1, qint64(m_periodMs));
    const double cycle = std::fmod(double(timeMs % period) / m_periodMs + m_phase, 1.0);
    double v = m_value;
    switch (m_kind) {
    case Kind::Sine: {
        v = m_lo + span * (0.5 + 0.5 * std::sin(2.0 * std::numbers::pi * cycle));
        if (m_noise > 0)
            v += std::normal_distribution<double>(0.0, m_noise)(rng);
        break;
    }
    case Kind::Ramp:
        v = m_lo + span * cycle;
        break;
    case Kind::Square:
        v = cycle < m_duty ? m_hi : m_lo;
        break;
    case Kind::Random: {
        if (!m_walkStarted) {
            m_value = m_lo + span * 0.5;
            m_walkStarted = true;
        }
        m_value += std::uniform_real_distribution<double>(-m_step, m_step)(rng);
        // Reflect at lo and hi (folding, so that a step larger than the span stays inside too).
        const double fold = std::fmod(m_value - m_lo, 2 * span);
        const double inside = fold < 0 ? fold + 2 * span : fold;
        m_value = std::clamp(m_lo + (inside > span ? 2 * span - inside : inside), m_lo, m_hi);
        v = m_value;
        break;
    }
    case Kind::Constant:
    case Kind::Text:
        break;
    }
    // Noise must not produce values the data type cannot hold (a uint16 is never negative).
    v = std::clamp(v, dataTypeMin(m_type), dataTypeMax(m_type));
    if (m_type == DataType::Bool)
        return v != 0.0 ? 1.0 : 0.0;
    if (isInteger(m_type))
        return std::round(v);
    if (m_type == DataType::Float32)
        return double(float(v)); // what a float32 register can hold
    return v;
}

void SimSignal::hold(double value)
{
    m_kind = Kind::Constant;
    m_value = value;
}

void SimSignal::holdText(const QString &text)
{
    m_text = text;
}

} // namespace vigil
