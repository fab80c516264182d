// Helper of tst_journalcrash: raises the Hi alarm of LEVEL, acknowledges it with a comment,
// waits until the journal writer has committed both transitions, says so on stdout ("committed <ack
// time>") and then keeps running until it is killed. Nothing is flushed or closed after the line:
// what a new process finds is what the acknowledge's own transaction put on disk.
//   journal_crash_writer DATABASE

#include "alarms/alarmengine.h"
#include "journal/journal.h"
#include "metatypes.h"
#include "tags/tagdirectory.h"
#include "util/systemclock.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>

using namespace vigil;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: journal_crash_writer DATABASE\n");
        return 2;
    }
    registerCoreMetaTypes();
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false\nvigil.*.debug=false"));
    TagDefinition level;
    level.id = QStringLiteral("LEVEL");
    level.device = QStringLiteral("plc1");
    AlarmRule hi;
    hi.type = AlarmType::Hi;
    hi.limit = 80.0;
    level.alarms = {hi};
    SystemClock clock;
    AlarmEngine engine(std::make_shared<const TagDirectory>(std::vector<TagDefinition>{level}),
                       clock);
    const auto url = HistoryUrl::parse(QStringLiteral("sqlite:") + QString::fromLocal8Bit(argv[1]));
    Journal journal(*url);
    journal.start();
    QObject::connect(&engine, &AlarmEngine::transitionsOccurred, journal.writer(),
                     &JournalWriter::recordTransitions, Qt::QueuedConnection);

    TagChange change;
    change.tag = 0;
    change.value = 95.0;
    change.quality = Quality::Good;
    engine.processChanges(ChangeSet{change});
    const quint32 id = *engine.idOf(QStringLiteral("LEVEL/hi"));
    engine.acknowledge({id}, QStringLiteral("alice"), QStringLiteral("pump checked"));
    // Nobody asks the writer to flush: it commits each batch as it arrives and counts the
    // transitions once the transaction has returned.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (journal.stats().transitionsWritten < 2)
            return;
        poll.stop();
        std::printf("committed %lld\n", static_cast<long long>(engine.snapshot(id).ackTimeMs));
        std::fflush(stdout);
    });
    poll.start(1);
    return app.exec();
}
