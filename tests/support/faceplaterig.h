#pragma once

// The services behind a faceplate, wired as the app wires them but on one thread with a
// ManualClock: the faceplate plant's TagTable feeding a real CommandService and the tag list, a
// Session, a SecurityService on `dataDir`/journal.db (started only by tests that need users), and
// the FaceplateController over them. Every tag starts with a Good value.

#include "commands/commandservice.h"
#include "faceplatecontroller.h"
#include "faceplatetesting.h"
#include "security/securityservice.h"
#include "security/session.h"
#include "tagfiltermodel.h"
#include "taglistmodel.h"
#include "tags/tagtable.h"
#include "util/manualclock.h"

#include <QDateTime>
#include <QDir>

namespace vigil::testing
{

struct FaceplateRig {
    explicit FaceplateRig(const QString &dataDir)
        : plant(faceplatePlant())
        , clock(QDateTime::currentMSecsSinceEpoch())
        , table(plant, clock)
        , commands(*plant, CommandOptions{}, &writer, &clock)
        , session(SecurityOptions{}, &clock)
        , security(QStringLiteral("sqlite:") + QDir(dataDir).filePath(QStringLiteral("journal.db")),
                   QDir(dataDir).filePath(QStringLiteral("audit.key")),
                   QDir(dataDir).filePath(QStringLiteral("audit.head")), SecurityOptions{}, &clock)
        , values(plant)
        , rows(&values)
        , faceplate(plant, &commands, &session, &security, &values, clock)
    {
        QObject::connect(&table, &TagTable::changed, &commands, &CommandService::processChanges,
                         Qt::DirectConnection);
        QObject::connect(&table, &TagTable::changed, &values, &TagListModel::applyUpdate);
        commands.start();
        send(kPumpCmd, 0);
        send(kPumpRun, 0);
        send(kLevel, 50);
        send(kFlowSp, 12.5);
        send(kHeaterSp, 40);
    }
    ~FaceplateRig() { security.stop(); }

    // A fresh Good value from the plant, 10 ms after the last.
    void send(quint32 tag, double value)
    {
        clock.advance(10);
        table.ingest(SampleBatch{TagSample{tag, Quality::Good, clock.nowMs(), value, {}}});
    }

    std::shared_ptr<const TagDirectory> plant;
    ManualClock clock;
    TagTable table;
    RecordingWriter writer;
    CommandService commands;
    Session session;
    SecurityService security;
    TagListModel values;
    TagFilterModel rows;
    FaceplateController faceplate;
};

} // namespace vigil::testing
