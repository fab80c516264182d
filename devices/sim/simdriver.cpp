#include "simdriver.h"

#include "config/configreader.h"
#include "config/diagnostics.h"
#include "devicelog.h"
#include "util/clock.h"

namespace vigil
{

SimDriver::SimDriver(DriverContext context)
    : Driver(std::move(context))
{
    Diagnostics ignored; // validated at load
    ConfigReader settings(device().node, device().object(), ignored);
    m_periodMs = settings.durationMs(u"period", 10, 3'600'000).value_or(500);
    m_rng.seed(
        quint64(settings.integer(u"seed", 0, std::numeric_limits<qint64>::max()).value_or(1)));
    for (quint32 t : tagIndices()) {
        QString error;
        std::optional<SimSignal> signal =
            SimSignal::parse(tags().at(t).address, tags().at(t).type, &error);
        if (signal)
            m_entries.push_back({t, std::move(*signal)});
        else {
            qCWarning(lcSim) << "tag" << tags().at(t).id << error;
            m_unusable.push_back(t);
        }
    }
}

void SimDriver::onStart()
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setTimerType(Qt::PreciseTimer);
        connect(m_timer, &QTimer::timeout, this, &SimDriver::tick);
    }
    m_timer->start(int(m_periodMs));
    setStatus(DriverState::Connected);
    // Tags whose address could not be used are shown as configuration errors, not left waiting.
    SampleBatch unusable;
    for (quint32 t : m_unusable)
        unusable.append(TagSample{t, Quality::ConfigError, clock().nowMs(), 0.0, {}});
    publish(unusable);
    tick();
}

void SimDriver::onStop()
{
    if (m_timer)
        m_timer->stop();
}

void SimDriver::tick()
{
    const qint64 now = clock().nowMs();
    SampleBatch batch;
    batch.reserve(qsizetype(m_entries.size()));
    for (Entry &e : m_entries) {
        batch.append(e.signal.sample(e.tag, now, m_rng));
    }
    updateStatistics([&](DriverStatistics &st) {
        ++st.requests;
        ++st.responses;
        st.messagesIn += quint64(batch.size());
    });
    publish(batch);
}

void SimDriver::onWrite(quint64 id, quint32 tag, const RawValue &raw)
{
    for (Entry &e : m_entries) {
        if (e.tag != tag)
            continue;
        if (e.signal.kind() == SimSignal::Kind::Text)
            e.signal.holdText(raw.text);
        else
            e.signal.hold(raw.number);
        completeWrite(id, true);
        tick();
        return;
    }
    completeWrite(id, false, QStringLiteral("tag '%1' has no sim signal").arg(tags().at(tag).id));
}

} // namespace vigil
