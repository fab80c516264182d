#pragma once

// The composition of app/main.cpp (minus the command line) for the window tests: the services,
// the core thread and every adapter Main.qml takes, wired as the app wires them.

#include "alarmbannerstatus.h"
#include "alarmfiltermodel.h"
#include "alarmhistorymodel.h"
#include "alarmkpistatus.h"
#include "alarmlistmodel.h"
#include "alarmoperations.h"
#include "alarms/alarmengine.h"
#include "alarms/annunciator.h"
#include "alarmsound.h"
#include "auditlistmodel.h"
#include "builtindrivers.h"
#include "config/plantloader.h"
#include "devicehost.h"
#include "devicelistmodel.h"
#include "driverregistry.h"
#include "eventtimelinemodel.h"
#include "faceplatecontroller.h"
#include "history/historian.h"
#include "history/historyqueryservice.h"
#include "historystatus.h"
#include "journal/journal.h"
#include "journal/journalqueryservice.h"
#include "metatypes.h"
#include "plantstatus.h"
#include "security/securityservice.h"
#include "security/session.h"
#include "sessioncontroller.h"
#include "tagfiltermodel.h"
#include "taglistmodel.h"
#include "tags/tagtable.h"
#include "tags/uichangecoalescer.h"
#include "trendcontroller.h"
#include "useradministration.h"
#include "util/systemclock.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

namespace vigil::testing
{

// Writes `text` as plant.toml in `dir` and loads it with an empty environment, so the outcome
// does not depend on who runs the test; nullopt, with the diagnostics as a warning, if it fails.
inline std::optional<PlantConfig> loadPlantFile(const DriverRegistry &drivers,
                                                const QTemporaryDir &dir, const QByteArray &text)
{
    const QString path = dir.filePath(QStringLiteral("plant.toml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size()) {
        qWarning().noquote() << "cannot write" << path;
        return std::nullopt;
    }
    file.close();
    PlantLoader::Result loaded = PlantLoader(drivers, QProcessEnvironment()).load(path);
    if (!loaded.plant)
        qWarning().noquote() << loaded.diagnostics.toStringList().join(u'\n');
    return std::move(loaded.plant);
}

// The composition of app/main.cpp, minus the command line.
struct Pipeline {
    Pipeline(const DriverRegistry &registry, const PlantConfig &plant, bool kiosk,
             const QString &dataDir)
        : historian(historianOptions(plant, dataDir), plant.tags, clock)
        , historyQueries(historianOptions(plant, dataDir).url, &historian)
        , tagTable(std::make_unique<TagTable>(plant.tags, clock))
        , coalescer(std::make_unique<UiChangeCoalescer>(*tagTable))
        , devices(registry, plant, clock)
        , tagModel(plant.tags)
        , tagFilter(&tagModel)
        , deviceModel(devices.drivers())
        , plantStatus(plant.name, plant.description, clock, kiosk)
        , historyStatus(&historian)
        , trend(historyQueries, plant.tags, clock, dataDir + QStringLiteral("/exports"))
        , alarmEngine(std::make_unique<AlarmEngine>(plant.tags, clock))
        , alarmList(AlarmListModel::Selection::Listed, plant.tags)
        , shelvedList(AlarmListModel::Selection::ShelvedOrOutOfService, plant.tags)
        , alarmSummary(&alarmList)
        , alarmBanner(&alarmList)
        , session(plant.security, &clock)
        , security(QStringLiteral("sqlite:") + dataDir + QStringLiteral("/journal.db"),
                   dataDir + QStringLiteral("/audit.key"), dataDir + QStringLiteral("/audit.head"),
                   plant.security, &clock)
        , sessionController(&session, &security)
        , alarmOps(alarmEngine.get(), AlarmEngineOptions().maxShelveMs, &session, &security)
        , annunciator(clock)
        , alarmSound(annunciator)
        , journal(*HistoryUrl::parse(QStringLiteral("sqlite:") + dataDir +
                                     QStringLiteral("/journal.db")))
        , journalQueries(QStringLiteral("sqlite:") + dataDir + QStringLiteral("/journal.db"))
        , alarmHistory(journalQueries, plant.tags, clock)
        , eventTimeline(journalQueries, {}, clock)
        , alarmKpi(journalQueries, clock)
        , audit(security, clock)
        // Without a command service every faceplate is view-only.
        , faceplate(plant.tags, nullptr, &session, &security, &tagModel, clock)
        , userAdmin(&session, &security, clock)
    {
        journal.start();
        trend.setSecurity(&session, &security);
        // The journal has migrated journal.db: the users and the audit trail are in it.
        if (!security.start(&securityError))
            qWarning().noquote() << "security service:" << securityError;
        QObject::connect(tagTable.get(), &TagTable::changed, &historian, &Historian::record,
                         Qt::DirectConnection);
        coreThread.setObjectName(QStringLiteral("core"));
        QObject::connect(tagTable.get(), &TagTable::changed, coalescer.get(),
                         &UiChangeCoalescer::onChanged);
        tagTable->moveToThread(&coreThread);
        coalescer->moveToThread(&coreThread);
        for (Driver *driver : devices.drivers())
            QObject::connect(driver, &Driver::samplesReady, tagTable.get(), &TagTable::ingest);
        QObject::connect(coalescer.get(), &UiChangeCoalescer::updated, &tagModel,
                         &TagListModel::applyUpdate);
        QObject::connect(tagTable.get(), &TagTable::changed, alarmEngine.get(),
                         &AlarmEngine::processChanges);
        alarmList.reset(alarmEngine->listed());
        shelvedList.reset(alarmEngine->shelvedOrOutOfService());
        QObject::connect(alarmEngine.get(), &AlarmEngine::alarmsChanged, &alarmList,
                         &AlarmListModel::applySnapshots);
        QObject::connect(alarmEngine.get(), &AlarmEngine::alarmsChanged, &shelvedList,
                         &AlarmListModel::applySnapshots);
        alarmEngine->moveToThread(&coreThread);
        QObject::connect(&coreThread, &QThread::started, alarmEngine.get(), &AlarmEngine::start);
    }

    ~Pipeline()
    {
        engine.reset();
        devices.stopAll();
        security.stop();
        if (coreThread.isRunning()) {
            // The core objects (and the coalescer's timer) die on their own thread: deleting them
            // here would stop an active timer from the wrong thread.
            coalescer.release()->deleteLater();
            tagTable.release()->deleteLater();
            alarmEngine.release()->deleteLater();
            coreThread.quit();
            coreThread.wait();
        } else {
            coalescer.reset();
            tagTable.reset();
            alarmEngine.reset();
        }
    }

    // The first administrator, as the create-administrator page makes it (an empty data
    // directory has no user, and the window would show only that page); true if there are users
    // already, false if refused.
    bool addAdministrator(const QString &name, const QString &password)
    {
        QFuture<bool> exists = security.hasUsers();
        if (!QTest::qWaitFor([&exists] { return exists.isFinished(); }, 10'000))
            return false;
        if (exists.result())
            return true; // a data directory used before
        QFuture<QString> created = security.createFirstAdministrator(name, password);
        return QTest::qWaitFor([&created] { return created.isFinished(); }, 10'000) &&
               created.result().isEmpty();
    }

    QQuickWindow *load()
    {
        sessionController.start();
        engine = std::make_unique<QQmlApplicationEngine>();
        QObject::connect(engine.get(), &QQmlEngine::warnings, engine.get(),
                         [this](const QList<QQmlError> &warnings) {
                             for (const QQmlError &e : warnings)
                                 qmlWarnings.append(e.toString());
                         });
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->setInitialProperties({
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
            {QStringLiteral("session"), QVariant::fromValue(&sessionController)},
            {QStringLiteral("audit"), QVariant::fromValue(&audit)},
            {QStringLiteral("faceplate"), QVariant::fromValue(&faceplate)},
            {QStringLiteral("users"), QVariant::fromValue(&userAdmin)},
        });
        engine->load(QUrl(QStringLiteral("qrc:/qt/qml/Vigil/Main.qml")));
        if (engine->rootObjects().size() != 1)
            return nullptr;
        return qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst());
    }

    static HistorianOptions historianOptions(const PlantConfig &plant, const QString &dataDir)
    {
        HistorianOptions o;
        o.url = QStringLiteral("sqlite:") + dataDir + QStringLiteral("/history.db");
        o.config = plant.history;
        return o;
    }

    void start()
    {
        historian.start();
        coreThread.start();
        devices.startAll();
    }

    SystemClock clock;
    Historian historian;
    HistoryQueryService historyQueries;
    QThread coreThread;
    std::unique_ptr<TagTable> tagTable;
    std::unique_ptr<UiChangeCoalescer> coalescer;
    DeviceHost devices;
    TagListModel tagModel;
    TagFilterModel tagFilter;
    DeviceListModel deviceModel;
    PlantStatus plantStatus;
    HistoryStatus historyStatus;
    TrendController trend;
    std::unique_ptr<AlarmEngine> alarmEngine;
    AlarmListModel alarmList;
    AlarmListModel shelvedList;
    AlarmFilterModel alarmSummary;
    AlarmBannerStatus alarmBanner;
    Session session;
    SecurityService security;
    SessionController sessionController;
    QString securityError;
    AlarmOperations alarmOps;
    Annunciator annunciator;
    AlarmSound alarmSound;
    Journal journal; // the app's journal.db, which the alarm pages read
    JournalQueryService journalQueries;
    AlarmHistoryModel alarmHistory;
    EventTimelineModel eventTimeline;
    AlarmKpiStatus alarmKpi;
    AuditListModel audit;
    FaceplateController faceplate;
    UserAdministration userAdmin;
    std::unique_ptr<QQmlApplicationEngine> engine;
    QStringList qmlWarnings;
};

} // namespace vigil::testing
