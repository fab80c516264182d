#include "weighscale.h"

#include "plantmodel.h"

#include <QList>

#include <algorithm>
#include <cmath>

namespace vigil::sim
{

WeighScale::WeighScale(const PlantModel &model, quint64 seed)
    : m_model(model)
    , m_rng(seed)
{
}

double WeighScale::grossFor(double levelPercent)
{
    return kVesselKg + levelPercent / 100.0 * PlantModel::kTankVolumeM3 * kDensityKgM3;
}

void WeighScale::sample(double nowS)
{
    const double noise = std::normal_distribution<double>(0.0, kNoiseKg)(m_rng);
    const double load = grossFor(m_model.state().level) + noise - m_zeroOffset;
    m_gross = std::round(load / kDivisionKg) * kDivisionKg;
    if (m_recent.empty())
        m_settlingSince = nowS;
    m_recent.emplace_back(nowS, m_gross);
    while (!m_recent.empty() && m_recent.front().first < nowS - kMotionWindowS)
        m_recent.pop_front();
}

bool WeighScale::stable() const
{
    // Just powered up or zeroed: settling until a whole window has been weighed.
    if (m_recent.empty() || m_recent.back().first - m_settlingSince < kMotionWindowS)
        return false;
    const auto [lo, hi] =
        std::minmax_element(m_recent.begin(), m_recent.end(),
                            [](const auto &a, const auto &b) { return a.second < b.second; });
    return hi->second - lo->second <= kMotionBandKg;
}

QByteArray WeighScale::line(const char *header, const char *mode, double kg)
{
    // Sign, 7 integer digits, one decimal: +0006950.5
    const QByteArray number = QByteArray::number(std::abs(kg), 'f', 1).rightJustified(9, '0');
    return QByteArray(header) + ',' + mode + ',' + (kg < 0 ? '-' : '+') + number + "kg\r\n";
}

QByteArray WeighScale::record() const
{
    const char *header = stable() ? "ST" : "US";
    return line(header, "GS", m_gross) + line(header, "NT", m_gross - m_tare);
}

QByteArray WeighScale::command(const QByteArray &received, double nowS)
{
    const QByteArray cmd = received.trimmed().toUpper();
    if (cmd == "P") {
        sample(nowS);
        return record();
    }
    if (cmd == "T") {
        if (!stable())
            return "T,NG\r\n";
        m_tare = m_gross;
        return "T,OK\r\n";
    }
    if (cmd == "Z") {
        if (!stable() || std::abs(m_gross) > 0.02 * kCapacityKg)
            return "Z,NG\r\n";
        m_zeroOffset += m_gross;
        m_recent.clear();
        return "Z,OK\r\n";
    }
    if (cmd.startsWith("SET ")) {
        const QList<QByteArray> words = cmd.simplified().split(' ');
        bool ok = false;
        const double kg = words.size() == 3 ? words.at(2).toDouble(&ok) : 0.0;
        if (words.value(1) != "TARE" || !ok || !std::isfinite(kg) || kg < 0 || kg > kCapacityKg)
            return "SET,NG\r\n";
        m_tare = std::round(kg / kDivisionKg) * kDivisionKg;
        return "SET,OK\r\n";
    }
    return "?E\r\n";
}

} // namespace vigil::sim
