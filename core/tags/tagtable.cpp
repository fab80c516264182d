#include "tagtable.h"

#include "util/clock.h"
#include "util/logging.h"

#include <cmath>

namespace vigil
{

TagTable::TagTable(std::shared_ptr<const TagDirectory> directory, const Clock &clock,
                   QObject *parent)
    : QObject(parent)
    , m_directory(std::move(directory))
    , m_clock(clock)
{
    const quint32 n = m_directory->size();
    m_live.resize(n);
    m_text.resize(n);
    for (quint32 i = 0; i < n; ++i) {
        const TagDefinition &def = m_directory->at(i);
        Live &live = m_live[i];
        live.value = 0.0;
        live.gain = def.scaling.gain();
        live.offset = def.scaling.offset();
        live.deadband = def.deadband;
        live.sourceTime = 0;
        live.serverTime = 0;
        live.lastUpdate = 0;
        live.quality = Quality::WaitingForInitialData;
        live.kind = def.type == DataType::String ? Kind::Text
                    : def.type == DataType::Bool ? Kind::Boolean
                                                 : Kind::Numeric;
        live.hasValue = false;
    }
}

ChangeSet TagTable::apply(const SampleBatch &batch)
{
    ChangeSet changes;
    changes.reserve(batch.size());
    const qint64 now = m_clock.nowMs();
    const quint32 count = quint32(m_live.size());

    for (const TagSample &s : batch) {
        if (s.tag >= count) {
            ++m_rejected;
            continue;
        }
        Live &live = m_live[s.tag];
        if (isLate(live, s.sourceTime, now)) {
            ++m_rejected;
            ++m_late;
            logLate(s.tag, s.sourceTime, live.sourceTime);
            continue;
        }
        // NaN or infinity with a usable quality is refused and counted; the tag turns Bad (keeping
        // its last value) rather than showing that value as Good.
        const bool nonFinite =
            !isBad(s.quality) && live.kind != Kind::Text &&
            (live.kind == Kind::Numeric ? !std::isfinite(s.value) : std::isnan(s.value));
        if (nonFinite)
            ++m_rejected;
        const Quality quality = nonFinite ? Quality::NonFinite : s.quality;
        bool changed = live.quality != quality;

        if (!isBad(quality)) {
            switch (live.kind) {
            case Kind::Numeric: {
                const double eu = s.value * live.gain + live.offset;
                const double delta = std::abs(eu - live.value);
                if (changed || !live.hasValue ||
                    (live.deadband > 0 ? delta > live.deadband : eu != live.value)) {
                    live.value = eu;
                    changed = true;
                }
                break;
            }
            case Kind::Boolean: {
                const double b = s.value != 0.0 ? 1.0 : 0.0;
                if (changed || !live.hasValue || b != live.value) {
                    live.value = b;
                    changed = true;
                }
                break;
            }
            case Kind::Text:
                if (changed || !live.hasValue || s.text != m_text[s.tag]) {
                    m_text[s.tag] = s.text;
                    changed = true;
                }
                break;
            }
            live.hasValue = true;
        }
        if (!nonFinite)
            ++m_accepted;
        live.lastUpdate = now;
        if (!changed)
            continue;
        live.quality = quality;
        live.sourceTime = s.sourceTime > 0 ? s.sourceTime : now;
        live.serverTime = now;
        TagChange &c = changes.emplace_back();
        c.tag = s.tag;
        c.quality = live.quality;
        c.value = live.value;
        c.sourceTime = live.sourceTime;
        c.serverTime = now;
        if (live.kind == Kind::Text)
            c.text = m_text[s.tag];
    }
    return changes;
}

bool TagTable::isLate(const Live &live, qint64 sourceTime, qint64 now) const
{
    // A current value stamped ahead of the clock by more than a device may be (the clock was
    // set back since) does not make the true-time samples that follow late.
    constexpr qint64 kClockToleranceMs = 10'000;
    return sourceTime > 0 && sourceTime < live.sourceTime &&
           live.sourceTime <= now + kClockToleranceMs;
}

void TagTable::logLate(quint32 tag, qint64 time, qint64 current)
{
    // At most a line per 10 s: a device that resends old data would flood the log.
    const qint64 now = m_clock.nowMs();
    if (m_lateLoggedAt != std::numeric_limits<qint64>::min() && now >= m_lateLoggedAt &&
        now - m_lateLoggedAt < 10'000)
        return;
    qCWarning(lcTags).noquote()
        << QStringLiteral("%1 late samples refused; the last: %2 at %3 ms is older than its "
                          "current value at %4 ms")
               .arg(m_late - m_lateLogged)
               .arg(m_directory->at(tag).id)
               .arg(time)
               .arg(current);
    m_lateLogged = m_late;
    m_lateLoggedAt = now;
}

TagChange TagTable::current(quint32 tag) const
{
    const Live &live = m_live[tag];
    TagChange c;
    c.tag = tag;
    c.quality = live.quality;
    c.value = live.value;
    c.sourceTime = live.sourceTime;
    c.serverTime = live.serverTime;
    if (live.kind == Kind::Text)
        c.text = m_text[tag];
    return c;
}

void TagTable::ingest(const SampleBatch &batch)
{
    const quint64 rejectedBefore = m_rejected;
    ChangeSet changes = apply(batch);
    if (m_rejected != rejectedBefore)
        qCDebug(lcTags) << "rejected" << (m_rejected - rejectedBefore) << "samples of a batch of"
                        << batch.size();
    if (!changes.isEmpty())
        emit changed(changes);
}

} // namespace vigil
