#include "serialdriver.h"

#include "config/configreader.h"
#include "config/diagnostics.h"
#include "serialbytes.h"
#include "serialframedecoder.h"
#include "seriallink.h"
#include "seriallog.h"
#include "util/clock.h"

#include <QTimer>

namespace vigil
{

SerialDriver::SerialDriver(DriverContext context)
    : Driver(std::move(context))
{
    Diagnostics ignored; // validated at load by SerialDriverFactory
    ConfigReader settings(device().node, device().object(), ignored);
    m_settings = SerialSettings::read(settings);
    const QByteArray &start = m_settings.framing.start;
    m_decoder = std::make_unique<SerialFrameDecoder>(tags(), m_settings.framing.mode ==
                                                                     SerialFramer::Mode::Markers &&
                                                                 (start == "$" || start == "!"));
    for (quint32 t : tagIndices()) {
        std::optional<SerialTagBinding> binding = SerialTagBinding::read(tags().at(t), ignored);
        if (binding)
            m_decoder->addBinding(t, std::move(*binding));
        else
            qCWarning(lcSerial) << "tag" << tags().at(t).id << "has an invalid serial binding";
    }
}

SerialDriver::~SerialDriver() = default;

void SerialDriver::onStart()
{
    m_framer.emplace(m_settings.framing);
    auto makeTimer = [this](bool singleShot, void (SerialDriver::*slot)()) {
        auto *timer = new QTimer(this);
        timer->setSingleShot(singleShot);
        connect(timer, &QTimer::timeout, this, slot);
        return timer;
    };
    m_pollTimer = makeTimer(false, &SerialDriver::onPollTick);
    m_responseTimer = makeTimer(true, &SerialDriver::onResponseTimeout);
    m_responseTimer->setTimerType(Qt::PreciseTimer); // timeouts of a few tens of ms
    m_frameTimer = makeTimer(true, &SerialDriver::onFrameTimeout);
    m_silenceTimer = makeTimer(true, &SerialDriver::onSilence);
    m_link = new SerialLink(m_settings, this);
    connect(m_link, &SerialLink::opened, this, &SerialDriver::onOpened);
    connect(m_link, &SerialLink::lost, this, &SerialDriver::onLost);
    connect(m_link, &SerialLink::received, this, &SerialDriver::onReceived);
    m_link->open();
}

void SerialDriver::onStop()
{
    // Everything is deleted here, on the driver's thread, where the port's notifiers live.
    delete m_link;
    m_link = nullptr;
    for (QTimer **timer : {&m_pollTimer, &m_responseTimer, &m_frameTimer, &m_silenceTimer}) {
        delete *timer;
        *timer = nullptr;
    }
    m_queue.clear();
    m_current.reset();
    m_framer.reset();
    m_linkUp = false;
    m_silent = false;
}

void SerialDriver::onOpened()
{
    if (m_everOpened)
        updateStatistics([](DriverStatistics &s) { ++s.reconnects; });
    m_everOpened = true;
    m_linkUp = true;
    m_silent = false;
    m_timeoutsInARow = 0;
    m_framer->discardPending();
    setStatus(DriverState::Connected);
    if (m_settings.silenceTimeoutMs > 0)
        m_silenceTimer->start(int(m_settings.silenceTimeoutMs));
    if (m_settings.polled()) {
        m_pollTimer->start(int(m_settings.periodMs));
        onPollTick();
    }
    pump();
}

void SerialDriver::onLost(const QString &reason)
{
    const bool wasUp = m_linkUp || status().state != DriverState::Disconnected;
    m_linkUp = false;
    m_pollTimer->stop();
    m_responseTimer->stop();
    m_frameTimer->stop();
    m_silenceTimer->stop();
    m_framer->discardPending();
    m_downReason = reason;
    dropTransactions(reason);
    if (wasUp) {
        updateStatistics([&](DriverStatistics &s) {
            s.recordError(QStringLiteral("port"), reason, clock().nowMs());
        });
        markAllTags(Quality::NotConnected);
        setStatus(DriverState::Disconnected, reason);
        return;
    }
    // Still down: the status keeps the cause of the outage (one event per outage on the
    // timeline); the latest failed reopen shows as the last error.
    const qint64 now = clock().nowMs();
    updateStatistics([&](DriverStatistics &s) {
        s.lastError = reason;
        s.lastErrorMs = now;
    });
}

void SerialDriver::onReceived(const QByteArray &bytes)
{
    SerialFramer::Output out;
    m_framer->feed(bytes, out);
    const QString max = QString::number(m_settings.framing.maxFrame);
    for (int i = 0; i < out.overlong; ++i)
        reject(QStringLiteral("overlong"),
               QStringLiteral("frame longer than max_frame (%1 bytes) discarded").arg(max));
    for (int i = 0; i < out.garbage; ++i)
        reject(QStringLiteral("garbage"), QStringLiteral("bytes outside the frame markers"));
    for (int i = 0; i < out.partial; ++i)
        reject(QStringLiteral("partial"),
               QStringLiteral("frame cut short by the next start marker"));
    SampleBatch batch;
    for (const QByteArray &frame : std::as_const(out.frames))
        handleFrame(frame, batch);
    publish(batch);
    if (m_framer->hasPending())
        m_frameTimer->start(int(m_settings.frameTimeoutMs));
    else
        m_frameTimer->stop();
}

void SerialDriver::handleFrame(const QByteArray &bytes, SampleBatch &batch)
{
    updateStatistics([](DriverStatistics &s) { ++s.messagesIn; });
    SerialFrameDecoder::Refusal refused;
    const std::optional<SerialFrame> frame = m_decoder->check(bytes, &refused);
    if (!frame) {
        reject(refused.kind, refused.message);
        return;
    }
    noteAlive();
    const bool wasAnswer = answerCurrent(*frame);
    std::optional<SerialFrameDecoder::Refusal> malformed;
    const int matched = m_decoder->decode(*frame, clock().nowMs(), batch, malformed);
    if (malformed)
        reject(malformed->kind, malformed->message);
    else if (matched == 0 && !wasAnswer)
        updateStatistics(
            [](DriverStatistics &s) { ++s.errorsByKind[QStringLiteral("unmatched")]; });
}

bool SerialDriver::answerCurrent(const SerialFrame &frame)
{
    if (!m_current || !m_current->awaitsReply)
        return false;
    Transaction &t = *m_current;
    if (t.isPoll) {
        if (--t.framesLeft > 0)
            return true;
        const double ms = double(t.sent.nsecsElapsed()) / 1e6;
        updateStatistics([&](DriverStatistics &s) {
            ++s.responses;
            s.recordRoundTrip(ms);
        });
        m_timeoutsInARow = 0;
    } else {
        const SerialTagBinding &rule = *m_decoder->binding(t.tag);
        if (rule.isNak(frame.text)) {
            finishWrite(t, false,
                        QStringLiteral("the device refused the command: '%1'")
                            .arg(SerialBytes::printable(frame.bytes)));
        } else if (rule.isAck(frame.text)) {
            const double ms = double(t.sent.nsecsElapsed()) / 1e6;
            updateStatistics([&](DriverStatistics &s) { s.recordRoundTrip(ms); });
            finishWrite(t, true, QString());
        } else {
            return false; // other traffic (data lines) while waiting for the acknowledgement
        }
    }
    m_responseTimer->stop();
    m_current.reset();
    QMetaObject::invokeMethod(this, &SerialDriver::pump, Qt::QueuedConnection);
    return true;
}

void SerialDriver::noteAlive()
{
    if (m_settings.silenceTimeoutMs > 0)
        m_silenceTimer->start(int(m_settings.silenceTimeoutMs));
    if (m_silent) {
        m_silent = false;
        setStatus(DriverState::Connected);
    }
}

void SerialDriver::onWrite(quint64 id, quint32 tag, const RawValue &raw)
{
    const SerialTagBinding *binding = m_decoder->binding(tag);
    if (!binding || !binding->command()) {
        completeWrite(id, false,
                      QStringLiteral("tag '%1' has no command template").arg(tags().at(tag).id));
        return;
    }
    if (!m_linkUp) {
        completeWrite(id, false, QStringLiteral("port down: %1").arg(m_downReason));
        return;
    }
    const SerialTagBinding &rule = *binding;
    QString error;
    const std::optional<QByteArray> bytes =
        rule.command()->format(raw, tags().at(tag).type, &error);
    if (!bytes) {
        completeWrite(id, false, error);
        return;
    }
    Transaction t;
    t.bytes = *bytes;
    t.writeId = id;
    t.tag = tag;
    t.raw = raw;
    t.awaitsReply = rule.expectsReply();
    t.timeoutMs = rule.ackTimeoutMs();
    enqueue(std::move(t));
}

void SerialDriver::onPollTick()
{
    const auto isPoll = [](const Transaction &t) { return t.isPoll; };
    if ((m_current && m_current->isPoll) || std::any_of(m_queue.begin(), m_queue.end(), isPoll)) {
        updateStatistics([](DriverStatistics &s) { ++s.overruns; });
        return;
    }
    Transaction t;
    t.isPoll = true;
    t.bytes = m_settings.request;
    t.awaitsReply = true;
    t.timeoutMs = m_settings.responseTimeoutMs;
    t.framesLeft = m_settings.responseFrames;
    enqueue(std::move(t));
}

void SerialDriver::enqueue(Transaction t)
{
    m_queue.push_back(std::move(t));
    pump();
}

void SerialDriver::pump()
{
    while (!m_current && m_linkUp && !m_queue.empty()) {
        Transaction t = std::move(m_queue.front());
        m_queue.pop_front();
        QString error;
        if (!m_link->send(t.bytes, &error)) {
            if (!t.isPoll)
                finishWrite(t, false, error);
            continue;
        }
        t.sent.start();
        updateStatistics([&](DriverStatistics &s) {
            ++s.messagesOut;
            if (t.isPoll)
                ++s.requests;
        });
        if (!t.awaitsReply) {
            finishWrite(t, true, QString());
            continue;
        }
        m_responseTimer->start(int(t.timeoutMs));
        m_current = std::move(t);
    }
}

void SerialDriver::finishWrite(const Transaction &t, bool ok, const QString &error)
{
    completeWrite(t.writeId, ok, error);
    // A write-only tag shows the last value the device took.
    if (ok && !m_decoder->binding(t.tag)->readsValues()) {
        TagSample s;
        s.tag = t.tag;
        s.sourceTime = clock().nowMs();
        s.value = t.raw.number;
        s.text = t.raw.text;
        publish({s});
    }
}

void SerialDriver::onResponseTimeout()
{
    if (!m_current)
        return;
    Transaction t = std::move(*m_current);
    m_current.reset();
    const qint64 now = clock().nowMs();
    if (m_framer->discardPending())
        reject(QStringLiteral("partial"),
               QStringLiteral("incomplete answer discarded after the response timeout"));
    if (t.isPoll) {
        const QString message = QStringLiteral("no answer to '%1' within %2 ms")
                                    .arg(SerialBytes::printable(t.bytes))
                                    .arg(t.timeoutMs);
        updateStatistics([&](DriverStatistics &s) {
            ++s.timeouts;
            s.recordError(QStringLiteral("timeout"), message, now);
        });
        if (++m_timeoutsInARow > m_settings.retries && !m_silent) {
            m_silent = true;
            markAllTags(Quality::CommError);
            setStatus(DriverState::Disconnected,
                      QStringLiteral("%1 (%2 times in a row)").arg(message).arg(m_timeoutsInARow));
        }
    } else {
        const QString message = QStringLiteral("no acknowledgement of '%1' within %2 ms")
                                    .arg(SerialBytes::printable(t.bytes))
                                    .arg(t.timeoutMs);
        updateStatistics([&](DriverStatistics &s) {
            ++s.timeouts;
            s.recordError(QStringLiteral("ack timeout"), message, now);
        });
        finishWrite(t, false, message);
    }
    pump();
}

void SerialDriver::onFrameTimeout()
{
    if (m_framer->discardPending())
        reject(QStringLiteral("partial"),
               QStringLiteral("incomplete frame discarded after %1 ms of silence")
                   .arg(m_settings.frameTimeoutMs));
}

void SerialDriver::onSilence()
{
    if (!m_linkUp || m_silent)
        return;
    m_silent = true;
    const QString message = QStringLiteral("no data for %1 ms").arg(m_settings.silenceTimeoutMs);
    updateStatistics([&](DriverStatistics &s) {
        s.recordError(QStringLiteral("silence"), message, clock().nowMs());
    });
    markAllTags(Quality::CommError);
    setStatus(DriverState::Disconnected, message);
}

void SerialDriver::dropTransactions(const QString &reason)
{
    m_responseTimer->stop();
    std::deque<Transaction> pending;
    pending.swap(m_queue);
    if (m_current) {
        pending.push_front(std::move(*m_current));
        m_current.reset();
    }
    for (const Transaction &t : pending) {
        if (!t.isPoll)
            finishWrite(t, false, QStringLiteral("port lost: %1").arg(reason));
    }
}

void SerialDriver::reject(const QString &kind, const QString &message)
{
    qCDebug(lcSerial).noquote() << "device" << deviceId() << "rejected:" << message;
    const qint64 now = clock().nowMs();
    updateStatistics([&](DriverStatistics &s) {
        ++s.rejected;
        ++s.errorsByKind[kind];
        s.lastError = message;
        s.lastErrorMs = now;
    });
}

} // namespace vigil
