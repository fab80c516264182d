#include "rollupbuilder.h"

namespace vigil
{

void RollupBuilder::add(qint64 time, double value, Quality quality, std::vector<Completed> &out)
{
    if (!m_hasFine || time >= m_fine.start + kFineMs) {
        if (m_hasFine) {
            out.push_back({Fine, m_fine});
            addFine(m_fine, out);
        }
        m_fine = RollupBucket();
        m_fine.start = floorTo(time, kFineMs);
        m_hasFine = true;
    }
    m_fine.add(value, quality);
}

void RollupBuilder::addFine(const RollupBucket &fine, std::vector<Completed> &out)
{
    if (m_hasHour && fine.start >= m_hour.start + kHourMs) {
        out.push_back({Hour, m_hour});
        m_hasHour = false;
    }
    if (!m_hasHour) {
        m_hour = RollupBucket();
        m_hour.start = floorTo(fine.start, kHourMs);
        m_hasHour = true;
    }
    m_hour.merge(fine);
}

} // namespace vigil
