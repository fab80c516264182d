#include "rollupbuilder.h"

namespace vigil
{

void RollupBuilder::add(qint64 time, double value, Quality quality, std::vector<Completed> &out)
{
    if (!m_hasMinute || time >= m_minute.start + kMinuteMs) {
        if (m_hasMinute) {
            out.push_back({Minute, m_minute});
            addMinute(m_minute, out);
        }
        m_minute = RollupBucket();
        m_minute.start = floorTo(time, kMinuteMs);
        m_hasMinute = true;
    }
    m_minute.add(value, quality);
}

void RollupBuilder::addMinute(const RollupBucket &minute, std::vector<Completed> &out)
{
    if (m_hasHour && minute.start >= m_hour.start + kHourMs) {
        out.push_back({Hour, m_hour});
        m_hasHour = false;
    }
    if (!m_hasHour) {
        m_hour = RollupBucket();
        m_hour.start = floorTo(minute.start, kHourMs);
        m_hasHour = true;
    }
    m_hour.merge(minute);
}

} // namespace vigil
