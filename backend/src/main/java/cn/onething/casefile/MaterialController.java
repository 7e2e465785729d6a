package cn.onething.casefile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.onething.security.CurrentUser;

@RestController
@RequestMapping("/api/materials")
class MaterialController {

    private final MaterialService materials;

    MaterialController(MaterialService materials) {
        this.materials = materials;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    MaterialService.Uploaded upload(CurrentUser user, @RequestParam("file") MultipartFile file) throws IOException {
        return materials.upload(user, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> download(CurrentUser user, @PathVariable String id) {
        MaterialService.Download d = materials.download(user, id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(d.filename(), StandardCharsets.UTF_8).build().toString())
                .body(d.content());
    }
}
