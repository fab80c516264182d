#pragma once

#include "tagchange.h"
#include "tagdirectory.h"
#include "tagsample.h"

#include <QObject>

#include <limits>
#include <memory>
#include <vector>

namespace vigil
{

class Clock;

// The live state of every tag, stored compactly by tag index. Applies scaling and deadband to the
// raw samples drivers deliver and publishes what changed. Lives on the core thread: ingest() is
// reached by queued connections from the driver threads, and changed() is emitted on this thread
// to core services (alarms, historian) and to the UI coalescer.
class TagTable : public QObject
{
    Q_OBJECT
public:
    TagTable(std::shared_ptr<const TagDirectory> directory, const Clock &clock,
             QObject *parent = nullptr);

    // Applies a batch and returns the changes (the hot path; no signal).
    ChangeSet apply(const SampleBatch &batch);

    const TagDirectory &directory() const { return *m_directory; }
    std::shared_ptr<const TagDirectory> sharedDirectory() const { return m_directory; }
    quint32 size() const { return quint32(m_live.size()); }

    // The current state of one tag (owning thread only).
    TagChange current(quint32 tag) const;
    double value(quint32 tag) const { return m_live[tag].value; }
    Quality quality(quint32 tag) const { return m_live[tag].quality; }
    // When the tag was last refreshed by its driver, even if the value stayed within deadband.
    qint64 lastUpdate(quint32 tag) const { return m_live[tag].lastUpdate; }

    // Samples refused: unknown tag index, non-finite value with a usable quality (the tag turns
    // Bad/NonFinite), late.
    quint64 rejectedSamples() const { return m_rejected; }
    // Samples older than the tag's current value (not shown, not recorded).
    quint64 lateSamples() const { return m_late; }
    quint64 acceptedSamples() const { return m_accepted; }

public slots:
    // apply() and emit changed() if anything changed.
    void ingest(const vigil::SampleBatch &batch);

signals:
    void changed(const vigil::ChangeSet &changes);

private:
    enum class Kind : quint8 {
        Numeric,
        Boolean,
        Text
    };
    struct Live {
        double value;
        double gain;
        double offset;
        double deadband;
        qint64 sourceTime;
        qint64 serverTime;
        qint64 lastUpdate;
        Quality quality;
        Kind kind;
        bool hasValue;
    };

    std::shared_ptr<const TagDirectory> m_directory;
    const Clock &m_clock;
    std::vector<Live> m_live;
    std::vector<QString> m_text;
    bool isLate(const Live &live, qint64 sourceTime, qint64 now) const;
    void logLate(quint32 tag, qint64 time, qint64 current);

    quint64 m_rejected = 0;
    quint64 m_late = 0;
    quint64 m_lateLogged = 0;
    qint64 m_lateLoggedAt = std::numeric_limits<qint64>::min();
    quint64 m_accepted = 0;
};

} // namespace vigil
