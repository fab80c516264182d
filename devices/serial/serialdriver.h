#pragma once

#include "driver.h"
#include "serialframer.h"
#include "serialsettings.h"
#include "writerequest.h"

#include <QElapsedTimer>

#include <deque>
#include <memory>
#include <optional>

class QTimer;

namespace vigil
{

class SerialFrameDecoder;
class SerialLink;
struct SerialFrame;

// The "serial" driver: ASCII instruments on a serial line (weigh scales, analysers, sensor boards,
// NMEA 0183 GPS and weather stations). Frames arrive continuously or as answers to a request sent
// every period; each tag's rule picks its value out of the frames. Writes send a command template
// and, if configured, wait for the device's acknowledgement. One request or command is on the line
// at a time. Runs on its own thread; settings: see SerialSettings and SerialTagBinding.
class SerialDriver final : public Driver
{
    Q_OBJECT
public:
    explicit SerialDriver(DriverContext context);
    ~SerialDriver() override;

protected:
    void onStart() override;
    void onStop() override;
    void onWrite(quint64 id, quint32 tag, const RawValue &raw) override;

private:
    struct Transaction {
        bool isPoll = false;
        QByteArray bytes;
        quint64 writeId = 0;
        quint32 tag = 0;
        RawValue raw;
        bool awaitsReply = false;
        qint64 timeoutMs = 0;
        int framesLeft = 0;
        QElapsedTimer sent;
    };

    void onOpened();
    void onLost(const QString &reason);
    void onReceived(const QByteArray &bytes);
    void onPollTick();
    void onResponseTimeout();
    void onFrameTimeout();
    void onSilence();

    void handleFrame(const QByteArray &bytes, SampleBatch &batch);
    // Applies the frame to the transaction on the line; true if it was its answer.
    bool answerCurrent(const SerialFrame &frame);
    void noteAlive();
    void enqueue(Transaction t);
    void pump();
    void finishWrite(const Transaction &t, bool ok, const QString &error);
    void dropTransactions(const QString &reason);
    void reject(const QString &kind, const QString &message);

    SerialSettings m_settings;
    std::unique_ptr<SerialFrameDecoder> m_decoder;

    SerialLink *m_link = nullptr;
    std::optional<SerialFramer> m_framer;
    QTimer *m_pollTimer = nullptr;
    QTimer *m_responseTimer = nullptr;
    QTimer *m_frameTimer = nullptr;
    QTimer *m_silenceTimer = nullptr;

    std::deque<Transaction> m_queue;
    std::optional<Transaction> m_current;
    bool m_linkUp = false;
    bool m_everOpened = false;
    bool m_silent = false; // open, but the device stopped answering
    int m_timeoutsInARow = 0;
    QString m_downReason;
};

} // namespace vigil
