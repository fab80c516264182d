#include "commandratelimiter.h"

#include "commandchecks.h"
#include "tags/tagdirectory.h"

#include <limits>

namespace vigil
{

namespace
{
constexpr qint64 minuteMs = 60 * 1000;
constexpr qint64 never = std::numeric_limits<qint64>::min();
} // namespace

CommandRateLimiter::CommandRateLimiter(const TagDirectory &directory, int maxPerMinute)
    : m_directory(directory)
    , m_maxPerMinute(maxPerMinute)
    , m_lastSent(directory.size(), never)
    , m_lastTarget(directory.size())
{
}

QString CommandRateLimiter::refusal(quint32 tag, const QVariant &target, qint64 nowMs)
{
    const qint64 interval = m_directory.at(tag).command.commandIntervalMs;
    const qint64 last = m_lastSent[tag];
    if (interval > 0 && last != never && nowMs - last < interval && !isReversal(tag, target))
        return QStringLiteral("commanded %1 ago, command_interval is %2")
            .arg(CommandChecks::durationText(nowMs - last), CommandChecks::durationText(interval));
    forgetOlderThanAMinute(nowMs);
    if (m_maxPerMinute > 0 && int(m_sent.size()) >= m_maxPerMinute)
        return QStringLiteral("%1 commands in the last minute, max_per_minute is %2")
            .arg(m_sent.size())
            .arg(m_maxPerMinute);
    return {};
}

void CommandRateLimiter::record(quint32 tag, const QVariant &target, qint64 nowMs)
{
    m_lastSent[tag] = nowMs;
    m_lastTarget[tag] = target;
    m_sent.push_back(nowMs);
    forgetOlderThanAMinute(nowMs);
}

bool CommandRateLimiter::isReversal(quint32 tag, const QVariant &target) const
{
    const QVariant &last = m_lastTarget[tag];
    return m_directory.at(tag).type == DataType::Bool && last.isValid() &&
           last.toBool() != target.toBool();
}

void CommandRateLimiter::forgetOlderThanAMinute(qint64 nowMs)
{
    while (!m_sent.empty() && nowMs - m_sent.front() >= minuteMs)
        m_sent.pop_front();
}

} // namespace vigil
