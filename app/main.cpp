// The composition root: the only place that creates services and wires them together. main()
// reads as the steps of a run; each step below creates or connects one part.

#include "alarmbannerstatus.h"
#include "alarmfiltermodel.h"
#include "alarmhistorymodel.h"
#include "alarmkpistatus.h"
#include "alarmlistmodel.h"
#include "alarmoperations.h"
#include "alarms/alarmengine.h"
#include "alarms/annunciator.h"
#include "alarmsound.h"
#include "applog.h"
#include "appstartup.h"
#include "auditlistmodel.h"
#include "builtindrivers.h"
#include "commandline.h"
#include "commands/commandaudit.h"
#include "commands/commandservice.h"
#include "config/plantloader.h"
#include "devicealarms.h"
#include "devicehost.h"
#include "devicelistmodel.h"
#include "driverregistry.h"
#include "events/eventlog.h"
#include "eventtimelinemodel.h"
#include "faceplatecontroller.h"
#include "history/historian.h"
#include "history/historyqueryservice.h"
#include "historystatus.h"
#include "instancelock.h"
#include "journal/journal.h"
#include "journal/journalconnection.h"
#include "journal/journalqueryservice.h"
#include "metatypes.h"
#include "plantstatus.h"
#include "security/plantloadaudit.h"
#include "security/securityservice.h"
#include "security/session.h"
#include "sessioncontroller.h"
#include "systemdnotifier.h"
#include "tagfiltermodel.h"
#include "taglistmodel.h"
#include "tags/tagtable.h"
#include "tags/uichangecoalescer.h"
#include "trendcontroller.h"
#include "unixsignalwatcher.h"
#include "useradministration.h"
#include "util/systemclock.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QThread>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>

Q_IMPORT_QML_PLUGIN(VigilPlugin)

using namespace vigil;

namespace
{

// Core: live tag state and its change sets, on their own thread. Both objects are deleted on
// the core thread when it finishes (their timers live there).
void moveToCoreThread(QThread &coreThread, TagTable *tagTable, UiChangeCoalescer *coalescer)
{
    coreThread.setObjectName(QStringLiteral("core"));
    QObject::connect(tagTable, &TagTable::changed, coalescer, &UiChangeCoalescer::onChanged);
    tagTable->moveToThread(&coreThread);
    coalescer->moveToThread(&coreThread);
    QObject::connect(&coreThread, &QThread::finished, coalescer, &QObject::deleteLater);
    QObject::connect(&coreThread, &QThread::finished, tagTable, &QObject::deleteLater);
}

void reportPlantLoaded(EventLog &events, const PlantConfig &plant)
{
    events.report(SystemEvent::Severity::Info, QStringLiteral("app"),
                  QStringLiteral("plant.loaded"),
                  QStringLiteral("plant '%1' from %2: %3 devices, %4 tags")
                      .arg(plant.name, plant.filePath)
                      .arg(plant.devices.size())
                      .arg(plant.tags->size()));
}

// History: the historian records every change set on its own writer thread (none when the
// plant records no history).
std::unique_ptr<Historian> startHistorian(const PlantConfig &plant, TagTable *tagTable,
                                          const Clock &clock, EventLog &events)
{
    if (!plant.history.record)
        return nullptr;
    HistorianOptions options;
    options.url = plant.settings.historyUrl();
    options.config = plant.history;
    auto historian = std::make_unique<Historian>(options, plant.tags, clock, &events);
    QObject::connect(tagTable, &TagTable::changed, historian.get(), &Historian::record,
                     Qt::DirectConnection);
    historian->start();
    return historian;
}

// Journal: alarm transitions and system events in journal.db, on its own writer thread. Opened
// before anything reports, so every event is stored; the alarm states it saved are returned for
// restoreAlarms. A database that cannot be opened is reported and retried by the writer.
std::unique_ptr<Journal> openJournal(const PlantConfig &plant, EventLog &events,
                                     AlarmSavedStates &saved)
{
    QString error;
    const std::optional<HistoryUrl> url =
        JournalConnection::parseUrl(plant.settings.databaseUrl(), &error);
    if (!url) {
        events.report(SystemEvent::Severity::Error, QStringLiteral("journal"),
                      QStringLiteral("journal.failed"), error);
        return nullptr;
    }
    auto journal = std::make_unique<Journal>(*url, &events);
    saved = journal->start();
    return journal;
}

// Alarms: the engine evaluates every change set on the core thread (moved there, deleted on
// its finish) and follows each driver's connection for the communication-loss alarms.
AlarmEngine *startAlarmEngine(QThread &coreThread, const PlantConfig &plant, const Clock &clock,
                              TagTable *tagTable, const DeviceHost &devices)
{
    auto *engine = new AlarmEngine(plant.tags, clock, plant.alarms);
    engine->moveToThread(&coreThread);
    QObject::connect(tagTable, &TagTable::changed, engine, &AlarmEngine::processChanges);
    connectDeviceAlarms(devices, *engine);
    QObject::connect(&coreThread, &QThread::started, engine, &AlarmEngine::start);
    QObject::connect(&coreThread, &QThread::finished, engine, &QObject::deleteLater);
    return engine;
}

// Before the core thread runs: the alarms get the states saved at the last stop (or kill), and
// from then on every transition is journaled, the ones the restore itself makes included.
void restoreAlarms(AlarmEngine *engine, Journal *journal, const AlarmSavedStates &saved)
{
    if (!journal)
        return;
    QObject::connect(engine, &AlarmEngine::transitionsOccurred, journal->writer(),
                     &JournalWriter::recordTransitions, Qt::QueuedConnection);
    engine->restore(saved);
}

// Users, sessions and the audit trail, in journal.db as the journal has migrated it; the audit
// key and head file live in the data directory. Each run's trail starts with the plant it
// loaded, named by the file's SHA-256 so that a changed plant file shows.
void startSecurity(SecurityService &security, const PlantConfig &plant, EventLog &events)
{
    if (QString error; !security.start(&error)) {
        events.report(SystemEvent::Severity::Error, QStringLiteral("security"),
                      QStringLiteral("security.failed"), error);
        return;
    }
    security.audit(plantLoadAuditEntry(plant));
}

// Commands: the only way from the screens to a driver write. On the core thread beside the tag
// table (values for interlocks and read-back: connected before the drivers start) and the alarm
// engine (command-failure alarms). Every state it reports is audited and is an event.
CommandService *startCommandService(QThread &coreThread, const PlantConfig &plant, Clock &clock,
                                    TagTable *tagTable, DeviceHost &devices, AlarmEngine *alarms,
                                    EventLog &events, SecurityService &security)
{
    auto *commands = new CommandService(*plant.tags, plant.commands, &devices, &clock);
    commands->setEventLog(&events);
    commands->moveToThread(&coreThread);
    QObject::connect(tagTable, &TagTable::changed, commands, &CommandService::processChanges);
    QObject::connect(commands, &CommandService::commandFailed, alarms,
                     &AlarmEngine::raiseCommandFailure);
    QObject::connect(commands, &CommandService::commandSucceeded, alarms,
                     &AlarmEngine::clearCommandFailure);
    QObject::connect(
        commands, &CommandService::commandUpdated, &security,
        [&security](const CommandStatus &status) { security.audit(commandAuditEntry(status)); },
        Qt::DirectConnection);
    QObject::connect(&coreThread, &QThread::started, commands, &CommandService::start);
    QObject::connect(&coreThread, &QThread::finished, commands, &QObject::deleteLater);
    return commands;
}

// The annunciator (GUI thread) hears every transition; the alarms restored unacknowledged sound
// from the start. Before the core thread runs, so listed() is read on a quiet engine.
void annunciate(const AlarmEngine &alarms, Annunciator &annunciator)
{
    QObject::connect(&alarms, &AlarmEngine::transitionsOccurred, &annunciator, &Annunciator::apply,
                     Qt::QueuedConnection);
    annunciator.seed(alarms.listed());
    annunciator.start();
}

// The alarm screens' lists start with the engine's alarms (restored ones included) and then
// follow its changes, queued to the GUI thread. Called before the core thread starts.
void feedAlarmLists(AlarmEngine *engine, AlarmListModel &listed, AlarmListModel &shelved)
{
    listed.reset(engine->listed());
    shelved.reset(engine->shelvedOrOutOfService());
    QObject::connect(engine, &AlarmEngine::alarmsChanged, &listed, &AlarmListModel::applySnapshots);
    QObject::connect(engine, &AlarmEngine::alarmsChanged, &shelved,
                     &AlarmListModel::applySnapshots);
}

// The devices the events page offers as filters, in plant-file order.
QStringList deviceIds(const PlantConfig &plant)
{
    QStringList ids;
    for (const DeviceConfig &device : plant.devices)
        ids.append(device.id);
    return ids;
}

bool loadMainWindow(QQmlApplicationEngine &engine, const QVariantMap &adapters)
{
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties(adapters);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Vigil/Main.qml")));
    return !engine.rootObjects().isEmpty();
}

// SIGTERM, SIGINT and SIGHUP end the event loop like closing the window, so that the steps
// after it (drivers stopped, history flushed, journal closed) run for them too.
void quitOnStopSignals(UnixSignalWatcher &watcher, QCoreApplication &app)
{
    QObject::connect(&watcher, &UnixSignalWatcher::received, &app, &QCoreApplication::quit);
}

// Stops in dependency order: whoever is logged in is logged out (audited), no more samples,
// then the core, then the history they fed, the audit rows, and last the journal, which stores
// the events of all the stops before it.
void shutDown(SystemdNotifier &systemd, Session &session, SecurityService &security,
              DeviceHost &devices, QThread &coreThread, Historian *historian, Journal *journal)
{
    systemd.notifyStopping();
    if (session.loggedIn())
        session.logOut(QStringLiteral("shutdown"));
    devices.stopAll();
    coreThread.quit();
    coreThread.wait();
    if (historian)
        historian->stop();
    security.stop();
    if (journal)
        journal->stop();
    qCInfo(lcApp) << "stopped";
}

int runHmi(int argc, char *argv[], const CommandLine &cli, const DriverRegistry &drivers,
           const PlantConfig &plant, QTextStream &err)
{
    if (cli.kiosk)
        qputenv("QT_IM_MODULE", QByteArrayLiteral("qtvirtualkeyboard"));
    QApplication app(argc, argv);
    if (!loadTranslations(app, cli.language)) {
        err << "vigil: no translation for language '" << cli.language << "'" << Qt::endl;
        return 2;
    }
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    chooseRenderer(cli);
    UnixSignalWatcher stopSignals({SIGTERM, SIGINT, SIGHUP});
    quitOnStopSignals(stopSignals, app);
    InstanceLock lock(plant.settings.dataDir());
    if (!claimDataDirectory(plant, lock, err))
        return 1;

    SystemClock clock; // the session's idle time reads it through a non-const Clock *
    QThread coreThread;
    auto *tagTable = new TagTable(plant.tags, clock);
    auto *coalescer = new UiChangeCoalescer(*tagTable);
    moveToCoreThread(coreThread, tagTable, coalescer);
    EventLog events(clock);
    AlarmSavedStates savedAlarms;
    const std::unique_ptr<Journal> journal = openJournal(plant, events, savedAlarms);
    reportPlantLoaded(events, plant);
    const std::unique_ptr<Historian> historian = startHistorian(plant, tagTable, clock, events);
    // Queries run on a thread of their own.
    HistoryQueryService historyQueries(plant.settings.historyUrl(), historian.get());

    // Devices: one driver per device, each on its own thread.
    DeviceHost devices(drivers, plant, clock);
    devices.setEventLog(&events);
    for (Driver *driver : devices.drivers())
        QObject::connect(driver, &Driver::samplesReady, tagTable, &TagTable::ingest);
    AlarmEngine *alarms = startAlarmEngine(coreThread, plant, clock, tagTable, devices);
    restoreAlarms(alarms, journal.get(), savedAlarms);
    Session session(plant.security, &clock);
    const QDir dataDir(plant.settings.dataDir());
    SecurityService security(
        plant.settings.databaseUrl(), dataDir.filePath(QStringLiteral("audit.key")),
        dataDir.filePath(QStringLiteral("audit.head")), plant.security, &clock);
    startSecurity(security, plant, events);
    CommandService *commands =
        startCommandService(coreThread, plant, clock, tagTable, devices, alarms, events, security);

    // UI adapters (GUI thread).
    TagListModel tagModel(plant.tags);
    QObject::connect(coalescer, &UiChangeCoalescer::updated, &tagModel, &TagListModel::applyUpdate);
    TagFilterModel tagFilter(&tagModel);
    DeviceListModel deviceModel(devices.drivers());
    PlantStatus plantStatus(plant.name, plant.description, clock, cli.kiosk);
    HistoryStatus historyStatus(historian.get());
    TrendController trend(historyQueries, plant.tags, clock,
                          QDir(plant.settings.dataDir()).filePath(QStringLiteral("exports")));
    trend.setSecurity(&session, &security);
    // The audible alarm: the annunciator decides what sounds, AlarmSound plays it.
    Annunciator annunciator(clock);
    annunciate(*alarms, annunciator);
    AlarmSound alarmSound(annunciator);
    AlarmListModel alarmList(AlarmListModel::Selection::Listed, plant.tags);
    AlarmListModel shelvedList(AlarmListModel::Selection::ShelvedOrOutOfService, plant.tags);
    feedAlarmLists(alarms, alarmList, shelvedList);
    AlarmFilterModel alarmSummary(&alarmList);
    AlarmBannerStatus alarmBanner(&alarmList);
    AlarmOperations alarmOps(alarms, plant.alarms.maxShelveMs, &session, &security);
    SessionController sessionControl(&session, &security);
    sessionControl.start();
    AuditListModel audit(security, clock);
    UserAdministration userAdmin(&session, &security, clock);
    // Alarm history, events and alarm KPIs read journal.db on a query thread of their own.
    JournalQueryService journalQueries(plant.settings.databaseUrl());
    AlarmHistoryModel alarmHistory(journalQueries, plant.tags, clock);
    EventTimelineModel eventTimeline(journalQueries, deviceIds(plant), clock);
    AlarmKpiStatus alarmKpi(journalQueries, clock);
    // Faceplates command through the command service for the logged-in user.
    FaceplateController faceplate(plant.tags, commands, &session, &security, &tagModel, clock);

    QQmlApplicationEngine engine;
    if (!loadMainWindow(engine,
                        {
                            {QStringLiteral("plant"), QVariant::fromValue(&plantStatus)},
                            {QStringLiteral("tags"), QVariant::fromValue(&tagFilter)},
                            {QStringLiteral("devices"), QVariant::fromValue(&deviceModel)},
                            {QStringLiteral("trend"), QVariant::fromValue(&trend)},
                            {QStringLiteral("history"), QVariant::fromValue(&historyStatus)},
                            {QStringLiteral("alarmSound"), QVariant::fromValue(&alarmSound)},
                            {QStringLiteral("alarms"), QVariant::fromValue(&alarmSummary)},
                            {QStringLiteral("shelvedAlarms"), QVariant::fromValue(&shelvedList)},
                            {QStringLiteral("alarmBanner"), QVariant::fromValue(&alarmBanner)},
                            {QStringLiteral("alarmOperations"), QVariant::fromValue(&alarmOps)},
                            {QStringLiteral("alarmHistory"), QVariant::fromValue(&alarmHistory)},
                            {QStringLiteral("events"), QVariant::fromValue(&eventTimeline)},
                            {QStringLiteral("alarmKpi"), QVariant::fromValue(&alarmKpi)},
                            {QStringLiteral("session"), QVariant::fromValue(&sessionControl)},
                            {QStringLiteral("audit"), QVariant::fromValue(&audit)},
                            {QStringLiteral("faceplate"), QVariant::fromValue(&faceplate)},
                            {QStringLiteral("users"), QVariant::fromValue(&userAdmin)},
                        })) {
        err << "vigil: the user interface failed to load" << Qt::endl;
        return 1;
    }
    if (cli.kiosk)
        QGuiApplication::setOverrideCursor(Qt::BlankCursor);

    coreThread.start();
    devices.startAll();
    SystemdNotifier systemd;
    systemd.notifyReady();
    qCInfo(lcApp) << "running plant" << plant.name << "from" << plant.filePath;
    if (cli.exitAfterSeconds > 0)
        QTimer::singleShot(cli.exitAfterSeconds * 1000, &app, &QCoreApplication::quit);

    const int code = app.exec();
    shutDown(systemd, session, security, devices, coreThread, historian.get(), journal.get());
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    setApplicationIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    CommandLine cli;
    if (const std::optional<int> code = readCommandLine(cli, argc, argv, out, err))
        return *code;

    registerCoreMetaTypes();
    qRegisterMetaType<DriverStatus>();
    DriverRegistry drivers;
    registerBuiltinDrivers(drivers);
    if (const std::optional<int> code = runHeadlessCommand(cli, drivers, argc, argv, out, err))
        return *code;

    PlantLoader::Result loaded;
    if (const std::optional<int> code = loadPlant(cli, drivers, err, loaded))
        return *code;
    return runHmi(argc, argv, cli, drivers, *loaded.plant, err);
}
