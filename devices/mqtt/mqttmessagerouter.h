#pragma once

#include "mqttreject.h"
#include "mqtttagmapping.h"
#include "mqtttopicindex.h"
#include "tags/datatype.h"
#include "tags/tagsample.h"

#include <QByteArrayView>
#include <QList>
#include <QPair>

#include <optional>
#include <string_view>
#include <vector>

namespace vigil
{

// The receive path of the MQTT driver: finds the tags a message feeds (topic index), decodes
// the payload once for all of them and appends one sample per tag to the batch being built.
// Also keeps each tag's last sample for staleness. Single-threaded (the driver's thread).
class MqttMessageRouter
{
public:
    struct Rejection {
        MqttReject reason;
        quint32 tag;
        QString detail;
    };
    struct Outcome {
        int samples = 0;
        bool matched = false;
        std::optional<Rejection> rejection; // the first one when several tags refused it
    };

    explicit MqttMessageRouter(qsizetype maxPayloadBytes = 256 * 1024);

    void addTag(quint32 tag, DataType type, MqttTagMapping mapping);
    const MqttTagMapping *mapping(quint32 tag) const;
    // The distinct topic filters of the tags with the highest QoS any of them asks for.
    QList<QPair<QString, int>> topicFilters() const;
    qsizetype maxPayloadBytes() const { return m_maxPayload; }

    Outcome route(std::string_view topic, QByteArrayView payload, qint64 nowMs, SampleBatch &out);

    // Appends a Stale sample (last value kept) for every good tag not updated within its
    // stale_after; each tag once until it is updated again.
    void collectStale(qint64 nowMs, SampleBatch &out);
    // After a connection loss every tag is Bad until its next message: no staleness meanwhile.
    void invalidateAll();
    // Shortest stale_after of any tag, 0 if none.
    qint64 shortestStaleAfterMs() const;

private:
    struct Entry {
        quint32 tag;
        DataType type;
        MqttTagMapping mapping;
        TagSample last;
        qint64 lastUpdateMs = 0;
        bool good = false;
    };
    std::vector<Entry> m_entries;
    MqttTopicIndex m_index;
    std::vector<quint32> m_matches; // scratch
    qsizetype m_maxPayload;
};

} // namespace vigil
