#include "mqttmessagerouter.h"

#include "mqttpayloaddecoder.h"

#include <QMap>

#include <algorithm>

namespace vigil
{

MqttMessageRouter::MqttMessageRouter(qsizetype maxPayloadBytes)
    : m_maxPayload(maxPayloadBytes)
{
}

void MqttMessageRouter::addTag(quint32 tag, DataType type, MqttTagMapping mapping)
{
    const QByteArray filter = mapping.topic.toUtf8();
    m_index.add(std::string_view(filter.constData(), size_t(filter.size())),
                quint32(m_entries.size()));
    Entry e{tag, type, std::move(mapping), TagSample{}, 0, false};
    e.last.tag = tag;
    m_entries.push_back(std::move(e));
}

const MqttTagMapping *MqttMessageRouter::mapping(quint32 tag) const
{
    for (const Entry &e : m_entries) {
        if (e.tag == tag)
            return &e.mapping;
    }
    return nullptr;
}

QList<QPair<QString, int>> MqttMessageRouter::topicFilters() const
{
    QMap<QString, int> qos;
    for (const Entry &e : m_entries)
        qos[e.mapping.topic] = std::max(qos.value(e.mapping.topic, 0), e.mapping.qos);
    QList<QPair<QString, int>> out;
    for (auto it = qos.cbegin(); it != qos.cend(); ++it)
        out.append({it.key(), it.value()});
    return out;
}

MqttMessageRouter::Outcome MqttMessageRouter::route(std::string_view topic, QByteArrayView payload,
                                                    qint64 nowMs, SampleBatch &out)
{
    Outcome outcome;
    m_matches.clear();
    m_index.match(topic, m_matches);
    if (m_matches.empty())
        return outcome;
    outcome.matched = true;
    if (payload.size() > m_maxPayload) {
        outcome.rejection = Rejection{MqttReject::TooLarge, m_entries[m_matches.front()].tag,
                                      QStringLiteral("%1 bytes, the limit is %2 bytes")
                                          .arg(payload.size())
                                          .arg(m_maxPayload)};
        return outcome;
    }
    MqttPayloadDecoder decoder(payload);
    QString detail;
    for (quint32 i : m_matches) {
        Entry &e = m_entries[i];
        TagSample sample;
        sample.tag = e.tag;
        sample.sourceTime = nowMs;
        if (std::optional<MqttReject> bad =
                decoder.decode(e.mapping, e.type, nowMs, sample, detail)) {
            if (!outcome.rejection)
                outcome.rejection = Rejection{*bad, e.tag, detail};
            continue;
        }
        e.last = sample;
        e.lastUpdateMs = nowMs;
        e.good = true;
        out.append(std::move(sample));
        ++outcome.samples;
    }
    return outcome;
}

void MqttMessageRouter::collectStale(qint64 nowMs, SampleBatch &out)
{
    for (Entry &e : m_entries) {
        if (!e.good || e.mapping.staleAfterMs <= 0 ||
            nowMs - e.lastUpdateMs < e.mapping.staleAfterMs)
            continue;
        e.good = false;
        TagSample s = e.last;
        s.quality = Quality::Stale;
        out.append(std::move(s));
    }
}

void MqttMessageRouter::invalidateAll()
{
    for (Entry &e : m_entries)
        e.good = false;
}

qint64 MqttMessageRouter::shortestStaleAfterMs() const
{
    qint64 shortest = 0;
    for (const Entry &e : m_entries) {
        if (e.mapping.staleAfterMs > 0 && (shortest == 0 || e.mapping.staleAfterMs < shortest))
            shortest = e.mapping.staleAfterMs;
    }
    return shortest;
}

} // namespace vigil
