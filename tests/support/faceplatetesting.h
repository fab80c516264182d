#pragma once

// The faceplate tests' plant and peers. The plant: a pump with its run feedback and a dry-run
// interlock on the tank level, the level itself (read-only), a flow setpoint and a critical heater
// setpoint. Writes go to a TagWriter that answers at once, as a driver confirming the write would;
// the plant's answer (the feedback) is sent by the test, so "in between" can be looked at.

#include "commands/tagwriter.h"
#include "journal/journalconnection.h"
#include "journal/journalschema.h"
#include "security/passwordhasher.h"
#include "security/securityservice.h"
#include "tags/tagdirectory.h"

#include <QList>
#include <QPromise>

#include <memory>

namespace vigil::testing
{

enum FaceplateTag : quint32 {
    kPumpCmd = 0,  // P101.CMD: bool, writable, labels Stop/Start, feedback P101.RUN, interlock
    kPumpRun = 1,  // P101.RUN: bool, read-only
    kLevel = 2,    // LT101 %: read-only; start blocked while < 10
    kFlowSp = 3,   // FIC301.SP m³/h: writable 0…50, its own feedback
    kHeaterSp = 4, // TIC201.SP °C: writable 20…90, critical (two users)
};

inline std::shared_ptr<const TagDirectory> faceplatePlant()
{
    TagDefinition pump;
    pump.id = QStringLiteral("P101.CMD");
    pump.description = QStringLiteral("Feed pump P-101 command");
    pump.device = QStringLiteral("plc");
    pump.type = DataType::Bool;
    pump.writable = true;
    pump.writeMin = 0;
    pump.writeMax = 1;
    pump.command.feedback = QStringLiteral("P101.RUN");
    pump.command.labels = {QStringLiteral("Stop"), QStringLiteral("Start")};
    InterlockRule dryRun;
    dryRun.tagId = QStringLiteral("LT101");
    dryRun.op = InterlockRule::Op::Less;
    dryRun.number = 10;
    dryRun.appliesToValue = true;
    dryRun.reason = QStringLiteral("dry-run protection");
    pump.command.interlocks = {dryRun};

    TagDefinition run;
    run.id = QStringLiteral("P101.RUN");
    run.description = QStringLiteral("Feed pump P-101 running");
    run.device = QStringLiteral("plc");
    run.type = DataType::Bool;

    TagDefinition level;
    level.id = QStringLiteral("LT101");
    level.description = QStringLiteral("Feed tank level");
    level.device = QStringLiteral("plc");
    level.unit = QStringLiteral("%");
    level.decimals = 1;

    TagDefinition flow;
    flow.id = QStringLiteral("FIC301.SP");
    flow.description = QStringLiteral("Feed flow setpoint");
    flow.device = QStringLiteral("plc");
    flow.unit = QStringLiteral("m³/h");
    flow.rangeHi = 50;
    flow.decimals = 1;
    flow.writable = true;
    flow.writeMin = 0;
    flow.writeMax = 50;

    TagDefinition heater;
    heater.id = QStringLiteral("TIC201.SP");
    heater.description = QStringLiteral("Heater temperature setpoint");
    heater.device = QStringLiteral("plc");
    heater.unit = QStringLiteral("°C");
    heater.rangeHi = 100;
    heater.decimals = 1;
    heater.writable = true;
    heater.writeMin = 20;
    heater.writeMax = 90;
    heater.command.critical = true;

    return std::make_shared<const TagDirectory>(
        std::vector<TagDefinition>{pump, run, level, flow, heater});
}

// Records each write and confirms it at once, as a driver whose device accepted it.
class RecordingWriter final : public TagWriter
{
public:
    QFuture<WriteResult> write(const WriteRequest &request) override
    {
        requests.append(request);
        QPromise<WriteResult> promise;
        promise.start();
        promise.addResult(WriteResult{request.tag, true, QString()});
        promise.finish();
        return promise.future();
    }
    QList<WriteRequest> requests;
};

// Migrates journal.db as the journal does, starts the security service on it (cheap scrypt, so
// the test stays fast) and makes `admin` the first administrator. False with `error` if not.
inline bool startUserDatabase(SecurityService &security, const QString &journalFile,
                              const QString &admin, const QString &password, QString *error)
{
    JournalConnection connection(*HistoryUrl::parse(QStringLiteral("sqlite:") + journalFile),
                                 JournalConnection::Role::Writer);
    if (!connection.open(error))
        return false;
    QSqlDatabase db = connection.database();
    if (!JournalSchema::migrate(db, true, error))
        return false;
    ScryptParameters cheap;
    cheap.n = 16;
    security.setPasswordHasher(PasswordHasher(cheap));
    if (!security.start(error))
        return false;
    const QString refused = security.createFirstAdministrator(admin, password).result();
    if (!refused.isEmpty() && error)
        *error = QStringLiteral("first administrator: ") + refused;
    return refused.isEmpty();
}

} // namespace vigil::testing
