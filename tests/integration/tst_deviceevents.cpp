// A device's events reach the Events page: the serial cable (a socat pty pair) is pulled and
// plugged back in; the driver's disconnection with its reason and its reconnection travel
// through the EventLog into journal.db (the journal writer's thread) and come back through the
// journal query thread into the Events page's model, filtered by device.

#include "events/eventlog.h"
#include "eventtimelinemodel.h"
#include "journal/journal.h"
#include "journal/journalqueryservice.h"
#include "serialrig.h"
#include "util/systemclock.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

namespace
{

const QString kPlant = SerialRig::scalePlant(QStringLiteral(R"(reopen_interval = "150ms")"));

// The rows of the model: "kind|device|message".
QStringList rows(const EventTimelineModel &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex i = model.index(r);
        out.append(QStringLiteral("%1|%2|%3")
                       .arg(model.data(i, EventTimelineModel::KindRole).toString(),
                            model.data(i, EventTimelineModel::DeviceRole).toString(),
                            model.data(i, EventTimelineModel::MessageRole).toString()));
    }
    return out;
}

// The first row matching the pattern, -1 if none.
qsizetype firstRow(const QStringList &rows, const QString &pattern)
{
    const QRegularExpression re(pattern);
    for (qsizetype i = 0; i < rows.size(); ++i)
        if (re.match(rows.at(i)).hasMatch())
            return i;
    return -1;
}

} // namespace

class TstDeviceEvents : public QObject
{
    Q_OBJECT
private slots:
    void pulledCableIsOnTheEventsPage();
};

void TstDeviceEvents::pulledCableIsOnTheEventsPage()
{
    QTemporaryDir dir;
    const QString url = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("journal.db"));
    const SystemClock clock;
    EventLog events(clock);
    Journal journal(*HistoryUrl::parse(url), &events);
    journal.start();

    SerialRig rig;
    QString error;
    QVERIFY2(rig.start(kPlant, &error), qPrintable(error));
    rig.host().setEventLog(&events);
    QTRY_COMPARE(rig.state(), DriverState::Connected);
    rig.pullCable();
    QTRY_COMPARE(rig.state(), DriverState::Disconnected);
    QVERIFY2(rig.plugIn(&error), qPrintable(error));
    QTRY_COMPARE(rig.state(), DriverState::Connected);
    QVERIFY(journal.flush());

    JournalQueryService queries(url);
    EventTimelineModel page(queries, {QStringLiteral("scale")}, clock);
    page.setDeviceFilter(QStringLiteral("scale"));
    page.refresh();
    QTRY_VERIFY(!page.busy() && page.count() >= 2);
    QVERIFY2(page.errorText().isEmpty(), qPrintable(page.errorText()));
    const QStringList shown = rows(page);
    // Newest first: the reconnection above the disconnection, which says why.
    const qsizetype connected = firstRow(shown, QStringLiteral("^device.connected\\|scale\\|"));
    const qsizetype lost = firstRow(shown, QStringLiteral("^device.disconnected\\|scale\\|.*lost"));
    QVERIFY2(connected >= 0 && lost > connected, qPrintable(shown.join(u'\n')));

    // Another device's filter shows none of them.
    page.setDeviceFilter(QStringLiteral("plc9"));
    page.refresh();
    QTRY_VERIFY(!page.busy());
    QVERIFY2(!rows(page).join(u'\n').contains(u"|scale|"), qPrintable(rows(page).join(u'\n')));
    journal.stop();
}

QTEST_MAIN(TstDeviceEvents)
#include "tst_deviceevents.moc"
