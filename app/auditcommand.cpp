#include "auditcommand.h"

#include "security/auditheadfile.h"
#include "security/auditstore.h"
#include "security/auditverifier.h"
#include "securitycommandcontext.h"

namespace vigil
{

int runAuditVerify(const QString &plantFile, const DriverCatalog &drivers, QTextStream &out,
                   QTextStream &err)
{
    SecurityCommandContext context;
    if (const std::optional<int> failed =
            context.open(plantFile, drivers, SecurityCommandContext::Access::Verify, err))
        return *failed;
    QString error;
    const std::optional<AuditRow> last =
        AuditStore(context.database(), context.isSqlite()).last(&error);
    if (!error.isEmpty()) {
        err << "vigil: " << error << Qt::endl;
        return 1;
    }
    if (last && !context.hasKey()) {
        err << "vigil: audit trail NOT verified: the audit key " << context.keyFile()
            << " is missing" << Qt::endl;
        return 1;
    }
    const AuditHeadFile head(context.headFile());
    const AuditVerification result =
        AuditVerifier(context.database(), context.isSqlite(), context.key(), head).run();
    if (!result.ok) {
        err << "vigil: audit trail BROKEN after " << result.rowsChecked << " good rows";
        if (result.firstBadSeq > 0)
            err << "; first bad row: seq " << result.firstBadSeq;
        err << Qt::endl << "vigil: " << result.reason << Qt::endl;
        return 1;
    }
    out << "audit trail OK: " << result.rowsChecked << " rows checked" << Qt::endl;
    return 0;
}

} // namespace vigil
