#pragma once

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace vigil
{

// Turns SIGTERM (systemd's stop), SIGINT (Ctrl+C) and SIGHUP (a closed terminal) into a signal
// on the event loop, so that they stop Vigil the way closing its window does: drivers stopped,
// history flushed, journal closed. The handler only writes the signal number into a socket pair
// (all a signal handler may safely do); a second signal while the first is being handled ends
// the process at once, for a shutdown that hangs.
class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

    bool isWatching() const { return m_notifier != nullptr; }

signals:
    void received(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace vigil
