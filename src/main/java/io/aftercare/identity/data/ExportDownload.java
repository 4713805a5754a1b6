package io.aftercare.identity.data;

import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The export as a file to keep, the same for the settings page and the API. */
final class ExportDownload {

    static final String FILE_NAME = "aftercare-my-data.json";

    private ExportDownload() {
    }

    static ResponseEntity<Map<String, Object>> of(Map<String, Object> document) {
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(FILE_NAME).build()
                .toString())
            // it holds the person's notes in clear: no cache on the way may keep a copy
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(document);
    }
}
