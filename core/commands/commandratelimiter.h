#pragma once

#include <QString>

#include <deque>
#include <vector>

namespace vigil
{

class TagDirectory;

// Limits how often commands are sent: per tag (command_interval) and from this panel in total
// (max_per_minute), on the monotonic clock. A command counts when it is sent.
class CommandRateLimiter
{
public:
    CommandRateLimiter(const TagDirectory &directory, int maxPerMinute);

    // "" if a command to `tag` may be sent at `nowMs`, else why not.
    QString refusal(quint32 tag, qint64 nowMs);
    void record(quint32 tag, qint64 nowMs);

private:
    void forgetOlderThanAMinute(qint64 nowMs);

    const TagDirectory &m_directory;
    const int m_maxPerMinute;
    std::vector<qint64> m_lastSent; // per tag; min: never
    std::deque<qint64> m_sent;      // send times within the last minute, oldest first
};

} // namespace vigil
