#pragma once

#include <QString>
#include <QVariant>

#include <deque>
#include <vector>

namespace vigil
{

class TagDirectory;

// Limits how often commands are sent: per tag (command_interval) and from this panel in total
// (max_per_minute), on the monotonic clock. A command counts when it is sent.
//
// command_interval does not hold back a reversal: a bool tag commanded to the opposite of the
// value last sent to it (stop a pump that is starting, close a valve that is opening) may go at
// once, since stopping must never wait behind the command it stops. The interval still refuses
// a repeat of the same value and any new value of a numeric or text tag; max_per_minute counts
// reversals too, and each one still needs its own select and operate.
class CommandRateLimiter
{
public:
    CommandRateLimiter(const TagDirectory &directory, int maxPerMinute);

    // "" if a command to `tag` with `target` may be sent at `nowMs`, else why not.
    QString refusal(quint32 tag, const QVariant &target, qint64 nowMs);
    void record(quint32 tag, const QVariant &target, qint64 nowMs);

private:
    bool isReversal(quint32 tag, const QVariant &target) const;
    void forgetOlderThanAMinute(qint64 nowMs);

    const TagDirectory &m_directory;
    const int m_maxPerMinute;
    std::vector<qint64> m_lastSent;     // per tag; min: never
    std::vector<QVariant> m_lastTarget; // per tag: the value last sent
    std::deque<qint64> m_sent;          // send times within the last minute, oldest first
};

} // namespace vigil
