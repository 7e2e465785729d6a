package cn.onething.casefile;

import java.util.Optional;

/**
 * The licences the platform already holds for an applicant (电子证照): a material that such a licence
 * stands in for is not asked again (两个免于提交).
 */
public interface HeldLicences {

    /** The number of a valid licence of this kind the holder has, if any. */
    Optional<String> heldLicence(String holderId, String licenceCode);
}
